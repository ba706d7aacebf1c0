/**
 * An invented vocabulary for the synthetic archive: made-up words built from syllables, mixed
 * with real English function words so the text has the shape (word lengths, punctuation,
 * capitals) of wire copy without reusing any real article.
 */
import { createRandom, type Random } from './random.ts';

/** Real English glue words, weighted by repetition like in news prose. */
export const FUNCTION_WORDS = [
  'the', 'the', 'the', 'the', 'of', 'of', 'and', 'and', 'to', 'to', 'a', 'a', 'in', 'in', 'that', 'is',
  'was', 'for', 'on', 'with', 'as', 'by', 'at', 'from', 'it', 'said', 'would', 'has', 'have', 'had',
  'not', 'but', 'be', 'are', 'were', 'after', 'over', 'its', 'their', 'which', 'who', 'this', 'will',
  'more', 'than', 'about', 'into', 'also', 'been', 'could', 'under', 'since', 'before', 'new', 'last',
  'year', 'week', 'percent', 'government', 'council', 'minister', 'city', 'court', 'plan', 'people',
] as const;

/** Real nouns for tag names and headings, so they read like sections of a paper. */
const SECTION_NOUNS = [
  'Policy', 'Courts', 'Transport', 'Housing', 'Budget', 'Elections', 'Health', 'Schools', 'Energy',
  'Trade', 'Defence', 'Climate', 'Labour', 'Water', 'Farming', 'Science', 'Culture', 'Sport', 'Media',
  'Tax', 'Ports', 'Rail', 'Police', 'Prisons', 'Diplomacy', 'Fisheries', 'Forests', 'Banking',
] as const;

/** Roles for quoted sources and author records. */
export const ROLES = [
  'a spokesperson for the ministry', 'the council leader', 'an economist at the national bank',
  "the union's general secretary", 'a local shop owner', "the opposition's finance spokesperson",
  'a professor of public law', 'the harbour master', 'a senior police officer', 'the mayor',
] as const;

/** Job titles for author records. */
export const AUTHOR_ROLES = [
  'Political Correspondent', 'Courts Reporter', 'Economics Editor', 'Transport Correspondent',
  'Health Reporter', 'Foreign Affairs Writer', 'Data Reporter', 'Local Government Reporter',
] as const;

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'br', 'dr', 'gr', 'kr', 'st', 'tr', 'sk', 'h', 'j', 'th', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'nd', 'rt', 'st', 'ck'];

/** The fixed word lists, the same for every seed (so archives of different seeds read alike). */
export interface Vocabulary {
  /** Lowercase invented words: the content words of sentences. */
  words: string[];
  /** Capitalized invented given names. */
  givenNames: string[];
  /** Capitalized invented family names. */
  familyNames: string[];
  /** Capitalized invented place names. */
  places: string[];
  /** Real section nouns for tags and headings. */
  sections: readonly string[];
}

let cached: Vocabulary | undefined;

/**
 * The vocabulary, made once from a fixed seed.
 *
 * @returns Word lists.
 */
export function getVocabulary(): Vocabulary {
  if (cached) return cached;
  const random = createRandom('broadsheet-bench-vocabulary');
  const words = uniqueWords(random, 2400, 1, 3, (word) => word.length >= 3);
  const givenNames = uniqueWords(random, 120, 2, 3, () => true).map(capitalize);
  const familyNames = uniqueWords(random, 200, 2, 3, () => true).map(capitalize);
  const places = uniqueWords(random, 80, 2, 3, () => true).map(capitalize);
  cached = { words, givenNames, familyNames, places, sections: SECTION_NOUNS };
  return cached;
}

/** Make one invented word of `syllables` syllables. */
function inventWord(random: Random, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS) + (i === syllables - 1 ? random.pick(CODAS) : '');
  return word;
}

function uniqueWords(random: Random, count: number, min: number, max: number, accept: (word: string) => boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const word = inventWord(random, random.int(min, max));
    if (seen.has(word) || !accept(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}

/**
 * Upper-case the first letter.
 *
 * @param word Any word.
 * @returns The word with a capital.
 */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A URL slug for the generator's own ASCII names: the same result as Broadsheet's `toSlug` for
 * them, without depending on it (the generator must not change when the content layer does).
 *
 * @param text Letters, digits and spaces.
 * @returns Lowercase words joined by hyphens.
 */
export function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
