/**
 * Small, hand-made archives for collection and feed tests: `Article` and `Content` values built
 * directly, without reading files or rendering Markdown.
 */
import { parseNewsDate, type NewsDate } from '../../src/content/dates.ts';
import type { Article, Author, Content, Tag } from '../../src/content/model.ts';
import type { SiteConfig } from '../../src/content/schema.ts';
import { toSlug } from '../../src/content/slug.ts';

/** Site settings for samples: a New York newsroom, 3 articles a page, 5 in a feed. */
export const site: SiteConfig = {
  name: 'The Sample Ledger',
  url: 'https://news.example.org',
  language: 'en',
  description: 'Sample news.',
  copyright: '© The Sample Ledger',
  timezone: 'America/New_York',
  perPage: 3,
  feedSize: 5,
};

/** A date as an editor would write it, read in the sample newsroom's zone. */
export function newsDate(value: string, timeZone = site.timezone): NewsDate {
  const parsed = parseNewsDate(value, timeZone);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

/** A tag named as an editor wrote it. */
export function tag(name: string): Tag {
  const slug = toSlug(name);
  return { name, slug, url: `/tags/${slug}/` };
}

/** An author without a record. */
export function author(name: string): Author {
  const slug = toSlug(name);
  return { name, slug, url: `/authors/${slug}/`, links: [] };
}

/** What to set on a sample article; names stand for tags and authors. */
export interface SampleArticle {
  title: string;
  /** `YYYY-MM-DD` or an ISO date-time (default: `'2025-08-22'`). */
  date?: string;
  updated?: string;
  /** Tag names (default: none). */
  tags?: string[];
  /** Author names (default: `['Amara Okafor']`). */
  authors?: string[];
  /** Body HTML (default: one paragraph with the title). */
  html?: string;
  summary?: string;
  description?: string;
  /** (default: the title's slug) */
  slug?: string;
  guid?: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * One article, filled in the way `loadContent` would.
 *
 * @param sample What to set.
 * @returns The article.
 */
export function makeArticle(sample: SampleArticle): Article {
  const date = newsDate(sample.date ?? '2025-08-22');
  const slug = sample.slug ?? toSlug(sample.title);
  const html = sample.html ?? `<p>${sample.title}.</p>`;
  return {
    guid: sample.guid ?? `urn:uuid:sample-${slug}`,
    title: sample.title,
    ...(sample.description === undefined ? {} : { description: sample.description }),
    summary: sample.summary ?? sample.description ?? `Summary of ${sample.title}.`,
    date,
    ...(sample.updated === undefined ? {} : { updated: newsDate(sample.updated) }),
    modified: sample.updated === undefined ? date : newsDate(sample.updated),
    authors: (sample.authors ?? ['Amara Okafor']).map(author),
    tags: (sample.tags ?? []).map(tag),
    slug,
    url: `/${date.year}/${pad(date.month)}/${pad(date.day)}/${slug}/`,
    body: { html, text: html.replace(/<[^>]*>/g, ''), excerpt: '', wordCount: 2, readingMinutes: 1, headings: [], links: [], images: [] },
    status: 'published',
    draft: false,
    aliases: [],
    images: [],
    corrections: [],
    sourcePath: `content/articles/${date.year}/${slug}.md`,
  };
}

/**
 * Articles sorted newest first, as `loadContent` returns them.
 *
 * @param samples What to set on each.
 * @returns The articles, newest first (ties by URL).
 */
export function makeArticles(samples: readonly SampleArticle[]): Article[] {
  return samples
    .map(makeArticle)
    .sort((a, b) => b.date.instant.getTime() - a.date.instant.getTime() || a.url.localeCompare(b.url));
}

/**
 * `count` articles on consecutive days from 2025-08-01, newest first, tagged in a pattern:
 * every article `Politics`, every second `Economy`, every third `Health`; authors alternate.
 *
 * @param count How many.
 * @returns The articles.
 */
export function makeSeries(count: number): Article[] {
  return makeArticles(
    Array.from({ length: count }, (_, index) => ({
      title: `Story ${index + 1}`,
      date: new Date(Date.UTC(2025, 7, 1 + index)).toISOString().slice(0, 10),
      tags: ['Politics', ...(index % 2 === 0 ? ['Economy'] : []), ...(index % 3 === 0 ? ['Health'] : [])],
      authors: index % 2 === 0 ? ['Amara Okafor'] : ['Priya Raman', 'Amara Okafor'],
    })),
  );
}

/**
 * Loaded content around some articles, with every byline author listed once, by name.
 *
 * @param articles Newest first.
 * @param settings Site settings to change.
 * @returns The content.
 */
export function makeContent(articles: Article[], settings: Partial<SiteConfig> = {}): Content {
  const authors = new Map<string, Author>();
  for (const article of articles) for (const person of article.authors) authors.set(person.slug, person);
  return {
    site: { ...site, ...settings },
    articles,
    authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name)),
    pages: [],
    heldBack: { drafts: 0, scheduled: 0 },
  };
}
