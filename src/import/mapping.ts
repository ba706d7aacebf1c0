/**
 * The mapping every format shares: from a source post's front matter (read through the format's
 * rules) to Broadsheet's article fields, with a finding for everything dropped or guessed.
 */
import { createHash } from 'node:crypto';
import { SLUG_PATTERN } from '../content/schema.ts';
import { toSlug } from '../content/slug.ts';
import { collectAliases } from './aliases.ts';
import { readByline } from './byline.ts';
import { normalizeDate } from './dates.ts';
import type { Discovery } from './find-files.ts';
import { finding, preview } from './messages.ts';
import type { ArticleFields, Finding, PathFacts, SiteSettings, SourcePost } from './model.ts';
import { mergeTags, readTags, type Split } from './tags.ts';

/** Which source fields feed each article field: lowercase names, in order of preference. */
export interface MappingRules {
  title: readonly string[];
  date: readonly string[];
  updated: readonly string[];
  author: readonly string[];
  description: readonly string[];
  /** Every one of these is read, and the tags merged. */
  tags: ReadonlyArray<readonly [field: string, split: Split]>;
  slug: readonly string[];
  id: readonly string[];
  /** Fields about the old URL; the format's `oldUrls` reads them. */
  urls: readonly string[];
  /** Fields that only said how the old site looked: dropped with a note rather than a warning. */
  presentation: ReadonlySet<string>;
}

/** A field as found: its name as written, value and line. */
export interface Field {
  key: string;
  value: unknown;
  line?: number | undefined;
}

/** What a format adds to the shared mapping. */
export interface SourceFormat {
  rules: MappingRules;
  /** The posts in the archive (read-only), leaving out `exclude` and everything below it. */
  find(root: string, exclude: readonly string[]): Promise<Discovery>;
  /** What the post's place in the archive says (date and name from the file name, folders). */
  pathFacts(post: SourcePost): PathFacts;
  /** The old URLs of a post, as written or computed, for `aliases`. */
  oldUrls(context: UrlContext): Array<{ value: unknown; line?: number | undefined; base?: string }>;
}

/** What `oldUrls` may use. */
export interface UrlContext {
  post: SourcePost;
  facts: PathFacts;
  article: ArticleFields;
  settings: SiteSettings;
  /** A front-matter field, by lowercase name. */
  field(name: string): Field | undefined;
}

/** A mapped post, or why it cannot be converted. */
export type MapOutcome = { article: ArticleFields; slug: string; findings: Finding[] } | { failure: Finding; findings: Finding[] };

const LIMITS = { title: 300, author: 120, tag: 80, description: 600, slug: 120, id: 200 };

/**
 * Map a post's front matter to Broadsheet's fields.
 *
 * @param post The source post.
 * @param format Its format's rules.
 * @param settings The old site's settings.
 * @param fallbackAuthor The byline for posts without one (`--author`); preferred to the settings'.
 * @returns The fields and the slug (the file name to write), or the reason it cannot be converted.
 */
export function mapPost(post: SourcePost, format: SourceFormat, settings: SiteSettings, fallbackAuthor: readonly string[] = []): MapOutcome {
  const { rules } = format;
  const findings: Finding[] = [];
  const fail = (failure: Finding): MapOutcome => ({ failure, findings });
  // Hugo reads front-matter keys case-insensitively; so does the importer, for every format.
  const fields = new Map<string, Field>();
  for (const [key, value] of Object.entries(post.data)) {
    if (!fields.has(key.toLowerCase())) fields.set(key.toLowerCase(), { key, value, line: post.lines.get(key) });
  }
  const used = new Set<string>();
  const take = (names: readonly string[]): Field | undefined => {
    let chosen: Field | undefined;
    for (const name of names) {
      const field = fields.get(name);
      if (!field || used.has(name)) continue;
      used.add(name);
      if (isBlank(field.value)) continue;
      if (!chosen) chosen = field;
      else if (JSON.stringify(field.value) !== JSON.stringify(chosen.value)) findings.push(finding('field-unused', field.line, field.key, chosen.key));
    }
    return chosen;
  };
  const facts = format.pathFacts(post);

  // `published: false` (Jekyll) before the dates, since Hugo's `published` is a date.
  const published = fields.get('published');
  if (typeof published?.value === 'boolean') used.add('published');
  const draft = take(['draft'])?.value === true || published?.value === false || facts.draft;

  const titleField = take(rules.title);
  let title = typeof titleField?.value === 'string' || typeof titleField?.value === 'number' ? String(titleField.value).trim() : '';
  if (!title) {
    const heading = firstHeading(post);
    if (heading) {
      title = heading.text;
      findings.push(finding('title-from-heading', heading.line));
    }
  }
  if (!title) return fail(finding('no-title', titleField?.line));
  if (title.length > LIMITS.title) return fail(finding('title-too-long', titleField?.line, String(LIMITS.title)));

  const dateField = take(rules.date);
  const written = dateField ?? (facts.date ? { key: 'the file name', value: facts.date, line: undefined } : undefined);
  if (!written) return fail(finding('no-date', undefined));
  const date = normalizeDate(written.value);
  if ('error' in date) return fail(finding('bad-date', written.line, written.key, date.error));

  const article: ArticleFields = { title, date: date.date, author: [] };
  const updatedField = take(rules.updated);
  if (updatedField) {
    const updated = normalizeDate(updatedField.value);
    if ('error' in updated) findings.push(finding('bad-updated', updatedField.line, updatedField.key, updated.error));
    else article.updated = updated.date;
  }

  const authorField = take(rules.author);
  const byline = readByline(authorField?.value);
  for (const { written: text, names } of byline.split) findings.push(finding('byline-split', authorField?.line, text, names.map((name) => `\`${name}\``).join(', ')));
  let names = byline.names.filter((name) => {
    if (name.length <= LIMITS.author) return true;
    findings.push(finding('author-dropped', authorField?.line, preview(name), `it is longer than the ${LIMITS.author} characters a name may have`));
    return false;
  });
  if (names.length === 0 && fallbackAuthor.length > 0) {
    names = [...fallbackAuthor];
    findings.push(finding('author-from-settings', undefined, names.join(', '), '`--author`'));
  } else if (names.length === 0 && settings.author) {
    names = settings.author;
    findings.push(finding('author-from-settings', undefined, names.join(', '), `\`${settings.file}\``));
  }
  if (names.length === 0) return fail(finding('no-author', authorField?.line));
  article.author = names.length === 1 ? names[0]! : names;

  const tagLines = new Map<string, number | undefined>();
  const lists = rules.tags.map(([name, split]) => {
    const field = fields.get(name);
    if (!field || used.has(name)) return [];
    used.add(name);
    const rejected: unknown[] = [];
    const tags = readTags(field.value, split, rejected);
    for (const tag of tags) if (!tagLines.has(tag)) tagLines.set(tag, field.line);
    // YAML 1.1 reads `yes`, `no`, `on` and `off` as true or false, so the word is gone by now.
    for (const item of rejected) findings.push(finding('tag-dropped', field.line, preview(item), 'it is not text (YAML reads `yes`, `no`, `on` and `off` as true or false); put the tag in quotes'));
    return tags;
  });
  const tags = mergeTags([...lists, facts.categories]).filter((tag) => {
    const reason = !/[\p{L}\p{N}]/u.test(tag) ? 'it has no letters or digits to make a topic page from' : tag.length > LIMITS.tag ? `it is longer than ${LIMITS.tag} characters` : '';
    if (reason) findings.push(finding('tag-dropped', tagLines.get(tag), preview(tag), reason));
    return !reason;
  });
  if (tags.length > 0) article.tags = tags;

  const descriptionField = take(rules.description);
  if (descriptionField) {
    const text = typeof descriptionField.value === 'string' ? descriptionField.value.trim() : '';
    const reason = !text ? 'it is not text' : text.length > LIMITS.description ? `it is longer than the ${LIMITS.description} characters a description may have` : '';
    if (reason) findings.push(finding('description-dropped', descriptionField.line, descriptionField.key, reason));
    else article.description = text;
  }

  const slugField = take(rules.slug);
  const name = slugField ? String(slugField.value).trim() : facts.name;
  const slug = makeSlug(name, title, post.relative);
  // A file name is always made into a slug; a `slug` field was meant to be one already.
  if (slug !== (slugField ? name : toSlug(name))) findings.push(finding('slug-made', slugField?.line, name, slug));

  const idField = take(rules.id);
  const id = typeof idField?.value === 'string' || typeof idField?.value === 'number' ? String(idField.value).trim() : '';
  if (id && id.length <= LIMITS.id) article.id = id;
  else if (idField) findings.push(finding('value-dropped', idField.line, idField.key, `\`${preview(idField.value)}\` is not an identifier of at most ${LIMITS.id} characters`));
  if (draft) article.draft = true;

  for (const name of rules.urls) used.add(name);
  const field = (name: string) => fields.get(name);
  const { year, month, day } = /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/.exec(article.date)!.groups!;
  const { aliases, findings: aliasFindings } = collectAliases(format.oldUrls({ post, facts, article, settings, field }), `/${year}/${month}/${day}/${slug}/`);
  findings.push(...aliasFindings);
  if (aliases.length > 0) article.aliases = aliases;

  for (const [name, { key, value, line }] of fields) {
    if (used.has(name) || isBlank(value)) continue;
    if (rules.presentation.has(name)) findings.push(finding('presentation-dropped', line, key));
    else findings.push(finding('field-dropped', line, key, `\`${preview(value)}\``));
  }
  return { article, slug, findings };
}

/** A slug Broadsheet accepts: from the name, else the title, else the file path's hash. */
function makeSlug(name: string, title: string, relative: string): string {
  for (const candidate of [name, title]) {
    const slug = toSlug(candidate).slice(0, LIMITS.slug).replace(/-+$/, '');
    if (SLUG_PATTERN.test(slug)) return slug;
  }
  // Titles in scripts without a Latin transliteration (北京) make no ASCII slug.
  return `post-${createHash('sha1').update(relative).digest('hex').slice(0, 8)}`;
}

function firstHeading(post: SourcePost): { text: string; line: number } | undefined {
  const lines = post.body.split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  const match = index === -1 ? null : /^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(lines[index]!);
  return match ? { text: match[1]!.trim(), line: post.bodyLine + index } : undefined;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
