/**
 * The plan of a synthetic archive: every article's frontmatter, file path and URL, the authors
 * and the tags, decided before any body is written (bodies link to other articles' URLs).
 */
import { createRandom, zipfSampler, type Random } from './random.ts';
import { AUTHOR_ROLES, capitalize, FUNCTION_WORDS, getVocabulary, slugOf } from './vocabulary.ts';

/** How many bylines and tags the archive has. */
export const AUTHOR_COUNT = 50;
export const TAG_COUNT = 300;
/** The first and last year articles are dated in (20 years). */
export const FIRST_YEAR = 2006;
export const LAST_YEAR = 2025;

/** One author: a byline, and (for most) a record under `authors/`. */
export interface PlannedAuthor {
  name: string;
  slug: string;
  role: string;
  /** Whether `authors/<slug>.md` is written. */
  hasRecord: boolean;
}

/** One article's frontmatter and where it goes. */
export interface PlannedArticle {
  index: number;
  title: string;
  /** File name without `.md`; also the URL slug. */
  slug: string;
  /** `YYYY-MM-DD`. */
  date: string;
  authors: string[];
  tags: string[];
  description?: string;
  id?: string;
  /** Path under the content folder, such as `articles/2014/harbour-vote.md`. */
  path: string;
  /** Site-relative URL Broadsheet gives it: `/YYYY/MM/DD/slug/`. */
  url: string;
}

/** The whole plan. */
export interface ArchivePlan {
  seed: string;
  authors: PlannedAuthor[];
  /** Tag names, most used first. */
  tags: string[];
  articles: PlannedArticle[];
}

/**
 * Plan an archive. Article `i` depends only on the seed and `i` (and, for its slug, on the
 * slugs before it), so a smaller archive of the same seed is a prefix of a larger one.
 *
 * @param size Number of articles.
 * @param seed Text seed (default: `'broadsheet'`).
 * @returns The plan.
 */
export function planArchive(size: number, seed = 'broadsheet'): ArchivePlan {
  const authors = planAuthors(createRandom(`${seed}:authors`));
  const tags = planTags(createRandom(`${seed}:tags`));
  const drawTag = zipfSampler(tags.length, 1);
  const drawAuthor = zipfSampler(authors.length, 0.5);
  const taken = new Set<string>();
  const articles: PlannedArticle[] = [];
  for (let index = 0; index < size; index++) {
    const random = createRandom(`${seed}:meta:${index}`);
    const title = headline(random);
    const date = randomDate(random);
    const year = date.slice(0, 4);
    let slug = slugOf(title.split(' ').slice(0, 7).join(' '));
    // Slugs must be unique per year folder; suffixes keep them so, deterministically.
    for (let n = 2; taken.has(`${year}/${slug}`); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
    taken.add(`${year}/${slug}`);
    const byline = new Set([authors[drawAuthor(random)]!.name]);
    if (random.chance(0.15)) byline.add(authors[drawAuthor(random)]!.name);
    const own = new Set<string>();
    const tagCount = random.int(1, 5);
    while (own.size < tagCount) own.add(tags[drawTag(random)]!);
    const article: PlannedArticle = {
      index,
      title,
      slug,
      date,
      authors: [...byline],
      tags: [...own],
      path: `articles/${year}/${slug}.md`,
      url: `/${date.replace(/-/g, '/')}/${slug}/`,
    };
    if (random.chance(0.7)) article.description = sentenceCase(random, 14, 26);
    if (random.chance(0.3)) article.id = `bench-${seed}-${index}`;
    articles.push(article);
  }
  return { seed, authors, tags, articles };
}

function planAuthors(random: Random): PlannedAuthor[] {
  const { givenNames, familyNames } = getVocabulary();
  const seen = new Set<string>();
  const authors: PlannedAuthor[] = [];
  while (authors.length < AUTHOR_COUNT) {
    const name = `${random.pick(givenNames)} ${random.pick(familyNames)}`;
    const slug = slugOf(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    // About one byline in ten has no author record, as with freelancers and agency copy.
    authors.push({ name, slug, role: random.pick(AUTHOR_ROLES), hasRecord: !random.chance(0.1) });
  }
  return authors;
}

function planTags(random: Random): string[] {
  const { words, places, sections } = getVocabulary();
  const seen = new Set<string>();
  const tags: string[] = [];
  while (tags.length < TAG_COUNT) {
    const kind = random.int(0, 2);
    const name =
      kind === 0 ? `${random.pick(places)} ${random.pick(sections)}` : kind === 1 ? capitalize(random.pick(words)) : `${capitalize(random.pick(words))} ${random.pick(sections)}`;
    const slug = slugOf(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    tags.push(name);
  }
  return tags;
}

function headline(random: Random): string {
  const { words, places } = getVocabulary();
  const parts: string[] = [random.pick(places)];
  const length = random.int(5, 10);
  while (parts.length < length) parts.push(random.chance(0.35) ? random.pick(FUNCTION_WORDS) : random.pick(words));
  return parts.join(' ');
}

function sentenceCase(random: Random, min: number, max: number): string {
  const { words } = getVocabulary();
  const parts: string[] = [];
  const length = random.int(min, max);
  while (parts.length < length) parts.push(random.chance(0.45) ? random.pick(FUNCTION_WORDS) : random.pick(words));
  return `${capitalize(parts.join(' '))}.`;
}

function randomDate(random: Random): string {
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const days = Math.round((Date.UTC(LAST_YEAR, 11, 31) - start) / 86_400_000);
  return new Date(start + random.int(0, days) * 86_400_000).toISOString().slice(0, 10);
}
