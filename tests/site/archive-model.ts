/**
 * What a fixture archive should publish, worked out from its files independently of `src/`:
 * frontmatter read with `yaml`, dates turned into newsroom calendar days with `Intl`, and the
 * listings computed by plain sorting and filtering. The site tests compare the built HTML with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { parse } from 'yaml';
import type { BuiltSite } from '../helpers/build.ts';

/** An article as the tests expect to see it. */
export interface ExpectedArticle {
  /** Path below `content/articles/`. */
  file: string;
  title: string;
  /** The date as written in the frontmatter. */
  written: string;
  /** Calendar day in the newsroom zone, `YYYY-MM-DD`. */
  day: string;
  url: string;
  authors: Array<{ name: string; url: string }>;
  /** Tag pages, deduplicated in the order written. */
  tags: Array<{ name: string; url: string }>;
  draft: boolean;
}

/** An author record under `content/authors/`. */
export interface ExpectedAuthor {
  name: string;
  url: string;
  role?: string;
  bio: string;
}

/** The whole fixture. */
export interface ExpectedArchive {
  site: { name: string; copyright: string; timezone: string; perPage: number };
  /** Published articles, newest first. */
  articles: ExpectedArticle[];
  drafts: ExpectedArticle[];
  /** Author records by URL. */
  records: Map<string, ExpectedAuthor>;
  pages: Array<{ title: string; url: string }>;
}

/** Lowercase, hyphenated: enough for the plain ASCII names the fixtures use. */
export const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function readMarkdown(file: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(file, 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { data: (parse(yaml) ?? {}) as Record<string, unknown>, body: body.trim() };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort();
}

const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

/**
 * The newsroom calendar day of a frontmatter date.
 *
 * @param written `YYYY-MM-DD`, or a date-time with or without an offset.
 * @param timeZone Newsroom zone.
 * @returns `YYYY-MM-DD`.
 */
export function newsroomDay(written: string, timeZone: string): string {
  // Date-only values and date-times without an offset are already newsroom wall-clock time.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(written)) return written.slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(written));
}

/**
 * Read a fixture's content folder.
 *
 * @param contentDir Absolute `content/` path.
 * @returns What the site should show.
 */
export function readArchive(contentDir: string): ExpectedArchive {
  const site = parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as ExpectedArchive['site'];
  const records = new Map<string, ExpectedAuthor>();
  for (const file of markdownFiles(path.join(contentDir, 'authors'))) {
    const { data, body } = readMarkdown(path.join(contentDir, 'authors', file));
    const url = `/authors/${path.basename(file, '.md')}/`;
    records.set(url, { name: String(data.name), url, ...(data.role ? { role: String(data.role) } : {}), bio: body });
  }
  const all = markdownFiles(path.join(contentDir, 'articles')).map((file): ExpectedArticle => {
    const { data } = readMarkdown(path.join(contentDir, 'articles', file));
    const written = String(data.date);
    const day = newsroomDay(written, site.timezone);
    const tags = new Map<string, { name: string; url: string }>();
    for (const name of list(data.tags)) if (!tags.has(slug(name))) tags.set(slug(name), { name, url: `/tags/${slug(name)}/` });
    return {
      file,
      title: String(data.title),
      written,
      day,
      url: `/${day.replaceAll('-', '/')}/${typeof data.slug === 'string' ? data.slug : path.basename(file, '.md')}/`,
      authors: list(data.author).map((name) => ({ name, url: `/authors/${slug(name)}/` })),
      tags: [...tags.values()],
      draft: data.draft === true,
    };
  });
  const days = all.map((article) => article.day);
  if (new Set(days).size !== days.length) {
    // Newest-first by calendar day equals newest-first by instant only when no two share a day.
    throw new Error('Fixture articles must each be on a different day for these expectations to hold');
  }
  const pages = markdownFiles(path.join(contentDir, 'pages')).map((file) => ({
    title: String(readMarkdown(path.join(contentDir, 'pages', file)).data.title),
    url: `/${path.basename(file, '.md')}/`,
  }));
  return {
    site,
    articles: all.filter((article) => !article.draft).sort((a, b) => b.day.localeCompare(a.day)),
    drafts: all.filter((article) => article.draft),
    records,
    pages,
  };
}

/** The text of an element with runs of white space collapsed. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT = MONTHS.map((month) => month.slice(0, 3));

/**
 * Read a date as a reader sees it (`March 1, 2025` or `1 March 2025`).
 *
 * @param text The visible date.
 * @returns `YYYY-MM-DD`, or `undefined` when no date is recognised.
 */
export function parseShownDate(text: string): string | undefined {
  const monthFirst = /([A-Za-z]+)\.? (\d{1,2}),? (\d{4})/.exec(text);
  const dayFirst = /(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})/.exec(text);
  const [monthName, day, year] = monthFirst ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]!] : dayFirst ? [dayFirst[2]!, dayFirst[1]!, dayFirst[3]!] : [];
  if (!monthName) return undefined;
  const lower = monthName.toLowerCase();
  const index = MONTHS.indexOf(lower) >= 0 ? MONTHS.indexOf(lower) : SHORT.indexOf(lower);
  if (index < 0) return undefined;
  return `${year}-${String(index + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/**
 * Read the day of an RFC 822 date as written, in the offset it carries (`Tue, 31 Dec 2024 23:30:00 -0500`).
 *
 * @param text The `pubDate`.
 * @returns `YYYY-MM-DD`.
 */
export function rfc822Day(text: string): string | undefined {
  const match = /(\d{1,2}) ([A-Za-z]{3}) (\d{4})/.exec(text);
  if (!match) return undefined;
  const index = SHORT.indexOf(match[2]!.toLowerCase());
  return `${match[3]}-${String(index + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** One listing, read by following its `rel=next` links from the first page. */
export interface ReadListing {
  /** URL of each page, in order. */
  pages: string[];
  /** Card links on each page, in order. */
  cardsPerPage: string[][];
  /** All card links, in order. */
  cards: string[];
}

/**
 * Read every page of a paginated listing.
 *
 * @param site The built site.
 * @param firstUrl The listing's first page.
 * @returns Its pages and cards.
 */
export async function readListing(site: BuiltSite, firstUrl: string): Promise<ReadListing> {
  const pages: string[] = [];
  const cardsPerPage: string[][] = [];
  let url: string | undefined = firstUrl;
  while (url !== undefined) {
    if (pages.includes(url) || pages.length > 50) throw new Error(`Pagination of ${firstUrl} loops at ${url}`);
    pages.push(url);
    const $: CheerioAPI = await site.html(url);
    cardsPerPage.push(cardLinks($));
    url = $('.pagination a[rel=next]').attr('href');
  }
  return { pages, cardsPerPage, cards: cardsPerPage.flat() };
}

/**
 * The article links of a listing page's cards.
 *
 * @param $ The page.
 * @returns Card title `href`s, in order.
 */
export function cardLinks($: CheerioAPI): string[] {
  return $('.listing article.card .card-title a')
    .toArray()
    .map((a) => $(a).attr('href') ?? '');
}
