/**
 * A page-writing thread's task: one part of the article pages, written by a fresh Eleventy as in
 * the main thread. The part crosses as plain data: its articles, and only the site-wide data an
 * article page shows (settings, navigation, error panel); their bodies' HTML is read from the
 * render cache here rather than copied.
 */
import type { Article } from '../content/model.ts';
import { fromPortable, toPortable, type PortableRendering } from '../render/cached-rendering.ts';
import type { EmitPlan } from './emit-plan.ts';
import type { SiteData } from './site-data.ts';
import { writePart, type PartOptions, type Written } from './write-part.ts';

/** A part of the article pages, as it crosses to a page-writing thread. */
export interface PortablePart extends Omit<PartOptions, 'data'> {
  articles: Array<Omit<Article, 'body'> & { body: PortableRendering }>;
  data: Pick<SiteData, 'site' | 'pages' | 'heldBack' | 'buildErrors'>;
}

/**
 * A part of article pages ready to cross to a page-writing thread.
 *
 * @param part The part (only its articles are taken).
 * @param options The site's data and the folders.
 * @returns Plain data for `writePortablePart`.
 */
export function toPortablePart(part: EmitPlan, options: PartOptions): PortablePart {
  const { data, outputDir, contentDir, publicDir, preview } = options;
  return {
    articles: part.articles.map((article) => ({ ...article, body: toPortable(article.body) })),
    data: { site: data.site, pages: data.pages, heldBack: data.heldBack, buildErrors: data.buildErrors },
    outputDir,
    contentDir,
    publicDir,
    preview,
  };
}

/**
 * Write a part of article pages (the thread's task).
 *
 * @param part What `toPortablePart` made.
 * @returns What it wrote.
 */
export default async function writePortablePart(part: PortablePart): Promise<Written> {
  const { articles, data, ...folders } = part;
  // The other collections are only shown by pages of the first part, written in the main thread.
  const siteData: SiteData = { ...data, articles: [], listings: [], tags: [], authors: [], years: [], redirects: [], feedFiles: [] };
  const emit: EmitPlan = { articles: articles.map((article) => ({ ...article, body: fromPortable(article.body) })), listings: [], feedFiles: [], redirects: [], pages: [] };
  try {
    return await writePart(emit, { ...folders, data: siteData }, true);
  } catch (error) {
    // An error crosses back to the main thread as a structured clone, which keeps only its
    // message: Eleventy's cause (the template line, a body gone from the cache) goes in it.
    throw new Error(causes(error).join('\n  caused by: '));
  }
}

/** The messages of an error and of what caused it (Eleventy's `originalError`, or `cause`), outermost first. */
function causes(error: unknown): string[] {
  const messages: string[] = [];
  for (let current = error; current !== undefined && messages.length < 10; ) {
    messages.push(current instanceof Error ? current.message : String(current));
    const { originalError, cause } = (current ?? {}) as { originalError?: unknown; cause?: unknown };
    current = originalError ?? cause;
  }
  return messages;
}
