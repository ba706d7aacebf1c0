/**
 * Writes one synthetic news article: frontmatter plus a Markdown body of 600–1,500 words with
 * 2–4 `##` subheadings, quotes in straight double quotes, a bulleted list, links (some to other
 * articles of the archive) and, now and then, a GFM table.
 */
import type { ArchivePlan, PlannedArticle } from './plan.ts';
import { createRandom, type Random } from './random.ts';
import { capitalize, FUNCTION_WORDS, getVocabulary, ROLES } from './vocabulary.ts';

/**
 * The full text of an article file.
 *
 * @param plan The archive plan (for link targets).
 * @param article The article to write.
 * @returns Frontmatter and body, ending with a newline.
 */
export function articleFile(plan: ArchivePlan, article: PlannedArticle): string {
  const lines = ['---', `title: "${article.title}"`, `date: ${article.date}`];
  if (article.authors.length === 1) lines.push(`author: ${article.authors[0]}`);
  else lines.push('author:', ...article.authors.map((name) => `  - ${name}`));
  lines.push('tags:', ...article.tags.map((tag) => `  - ${tag}`));
  if (article.description) lines.push(`description: "${article.description}"`);
  if (article.id) lines.push(`id: ${article.id}`);
  lines.push('---', '');
  return lines.join('\n') + articleBody(plan, article);
}

/**
 * The Markdown body of an article, decided by the plan's seed and the article's index.
 *
 * @param plan The archive plan.
 * @param article The article.
 * @returns Markdown, ending with a newline.
 */
export function articleBody(plan: ArchivePlan, article: PlannedArticle): string {
  const random = createRandom(`${plan.seed}:body:${article.index}`);
  const writer = new BodyWriter(random, plan);
  const target = random.int(600, MAX_WORDS);
  const headings = random.int(2, 4);
  const listAt = random.chance(0.75) ? random.int(1, headings) : -1;
  const tableAt = random.chance(0.1) ? random.int(1, headings) : -1;
  // Sections of roughly equal length, each opened by a subheading except the first. A block that
  // would pass 1,500 words ends the article instead.
  const perSection = target / (headings + 1);
  const blocks: string[] = [];
  let words = 0;
  const add = (...texts: string[]): boolean => {
    const count = texts.reduce((sum, text) => sum + countWords(text), 0);
    if (words + count > MAX_WORDS) return false;
    blocks.push(...texts);
    words += count;
    return true;
  };
  add(writer.paragraph(1, 2));
  sections: for (let section = 0; section <= headings; section++) {
    if (section > 0) add(`## ${writer.heading()}`);
    const sectionEnd = perSection * (section + 1);
    if (section === listAt) add(...writer.list());
    if (section === tableAt) add(writer.table());
    while (words < sectionEnd) if (!add(random.chance(0.3) ? writer.quote() : writer.paragraph(2, 5))) break sections;
  }
  return `${blocks.join('\n\n')}\n`;
}

/** The longest article body, in words (`countWords`). */
export const MAX_WORDS = 1500;

/**
 * Words in Markdown as a reader counts them: runs of text with a letter or digit, not counting
 * link targets or Markdown markers.
 *
 * @param markdown Markdown text.
 * @returns The number of words.
 */
export function countWords(markdown: string): number {
  return markdown.replace(/\]\([^)]*\)/g, ']').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Writes blocks of prose. */
class BodyWriter {
  readonly #random: Random;
  readonly #plan: ArchivePlan;

  constructor(random: Random, plan: ArchivePlan) {
    this.#random = random;
    this.#plan = plan;
  }

  paragraph(min: number, max: number): string {
    const count = this.#random.int(min, max);
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) sentences.push(this.sentence(9, 30, true));
    return sentences.join(' ');
  }

  quote(): string {
    const random = this.#random;
    const { givenNames, familyNames } = getVocabulary();
    const speaker = `${random.pick(givenNames)} ${random.pick(familyNames)}`;
    const first = this.sentence(8, 22, false).replace(/\.$/, ',');
    const tail = random.chance(0.5) ? ` "${this.sentence(8, 20, false)}"` : '';
    return `"${first}" said ${speaker}, ${random.pick(ROLES)}.${tail}`;
  }

  heading(): string {
    const random = this.#random;
    const { words, sections } = getVocabulary();
    const parts = [random.chance(0.5) ? random.pick(sections) : capitalize(random.pick(words))];
    const length = random.int(2, 5);
    while (parts.length < length) parts.push(random.chance(0.3) ? random.pick(FUNCTION_WORDS) : random.pick(words));
    return parts.join(' ');
  }

  list(): string[] {
    const items: string[] = [];
    const count = this.#random.int(3, 6);
    for (let i = 0; i < count; i++) items.push(`- ${this.sentence(4, 14, true)}`);
    return [`${this.sentence(8, 16, false).replace(/\.$/, ':')}`, items.join('\n')];
  }

  table(): string {
    const random = this.#random;
    const { places } = getVocabulary();
    const columns = random.int(3, 4);
    const header = ['Area', 'Votes', 'Share', 'Change'].slice(0, columns);
    const rows = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
    const count = random.int(3, 6);
    for (let i = 0; i < count; i++) {
      const cells = [random.pick(places), String(random.int(1000, 90_000)), `${random.int(5, 60)}.${random.int(0, 9)}%`, `${random.chance(0.5) ? '+' : '-'}${random.int(0, 9)}.${random.int(0, 9)}`];
      rows.push(`| ${cells.slice(0, columns).join(' | ')} |`);
    }
    return rows.join('\n');
  }

  /** One sentence; with `rich`, it may hold a link, emphasis, a number or a possessive. */
  sentence(min: number, max: number, rich: boolean): string {
    const random = this.#random;
    const { words, givenNames, familyNames, places } = getVocabulary();
    const length = random.int(min, max);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      const roll = random.next();
      if (roll < 0.42) parts.push(random.pick(FUNCTION_WORDS));
      else if (roll < 0.9) parts.push(random.pick(words));
      else if (roll < 0.95) parts.push(random.chance(0.5) ? random.pick(places) : `${random.pick(givenNames)} ${random.pick(familyNames)}`);
      else parts.push(random.chance(0.5) ? String(random.int(2, 950)) : `${random.int(1, 99)} percent`);
      if (i > 2 && i < length - 2 && random.chance(0.07)) parts[parts.length - 1] += ',';
    }
    if (rich) {
      if (random.chance(0.06)) {
        const at = random.int(1, length - 1);
        if (!parts[at]!.endsWith(',')) parts[at] += "'s";
      }
      if (random.chance(0.04)) {
        const at = random.int(1, length - 1);
        parts[at] = `*${parts[at]!.replace(/,$/, '')}*`;
      }
      if (random.chance(0.09) && length > 6) {
        const at = random.int(1, length - 4);
        const anchor = parts.splice(at, 3).map((word) => word.replace(/,$/, '')).join(' ');
        parts.splice(at, 0, `[${anchor}](${this.#linkTarget()})`);
      }
    }
    return `${capitalize(parts.join(' ')).replace(/,$/, '')}.`;
  }

  #linkTarget(): string {
    const random = this.#random;
    const { articles } = this.#plan;
    const roll = random.next();
    if (roll < 0.55 && articles.length > 0) return random.pick(articles).url;
    if (roll < 0.7 && articles.length > 0) return `https://bench.example.org${random.pick(articles).url}`;
    const { words } = getVocabulary();
    return `https://www.${random.pick(words)}.example.com/${random.pick(words)}/${random.int(100, 99_999)}`;
  }
}
