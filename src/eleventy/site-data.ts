/**
 * The data every template sees as `broadsheet`: the archive loaded through Broadsheet's content
 * layer, rendered, grouped into collections, with its feeds written.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buildCollections, type Collections } from '../collections/index.ts';
import { loadContent, type Options as LoadOptions } from '../content/load.ts';
import type { Content } from '../content/model.ts';
import { formatReport, hasErrors } from '../errors/report.ts';
import { feedFiles, type FeedFile } from '../feeds/files.ts';
import { withResponsiveImages } from '../images/responsive-images.ts';

/** What `loadSiteData` needs. */
export interface SiteDataOptions {
  contentDir: string;
  publicDir: string;
  /** Drafts and scheduled articles shown, content errors reported on the pages instead of thrown. */
  preview: boolean;
  /** Where the image sizes are written (the folder Eleventy writes to). */
  outputDir: string;
  /** Keep what was read for the next load in this process: the dev server loads on every save. */
  remember?: boolean;
  /** With `remember`: the files changed since the previous load (see `loadContent`). */
  changedFiles?: ReadonlySet<string>;
  /** Called once every file is valid, before the bodies are rendered (see `loadContent`). */
  onValidated?: LoadOptions['onValidated'];
  /** The render cache (default: `loadContent`'s, `.cache/broadsheet/`). */
  cacheDir?: string;
}

/** The global data `broadsheet`. */
export interface SiteData extends Collections {
  site: Content['site'];
  pages: Content['pages'];
  heldBack: Content['heldBack'];
  /** Shown at the top of every preview page; a production build has thrown before this point. */
  buildErrors: string;
  feedFiles: FeedFile[];
}

/**
 * Load, validate, render and group the archive, and write its feeds.
 *
 * @param options Folders and mode.
 * @returns The data.
 * @throws ContentError When a file has errors and this is not a preview.
 */
export async function loadSiteData(options: SiteDataOptions): Promise<SiteData> {
  const now = new Date(); // one moment for "scheduled" and the news sitemap's window
  const { content, files } = await loadContent({
    contentDir: options.contentDir,
    includeDrafts: options.preview,
    keepGoing: options.preview,
    now,
    reservedUrls: await publicUrls(options.publicDir),
    remember: options.remember ?? false,
    ...(options.changedFiles ? { changedFiles: options.changedFiles } : {}),
    ...(options.onValidated ? { onValidated: options.onValidated } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  const warnings = formatReport(files);
  if (warnings) console.warn(warnings);
  const errors = formatReport(files.filter((file) => hasErrors([file])));
  const imaging = performance.now();
  content.articles = await withResponsiveImages(content.articles, path.resolve(options.outputDir));
  performance.measure('broadsheet:images', { start: imaging });
  const collecting = performance.now();
  const collections = buildCollections(content);
  const feeding = performance.now();
  performance.measure('broadsheet:collections', { start: collecting, end: feeding });
  const feeds = feedFiles(content.site, collections, content.pages, now);
  performance.measure('broadsheet:feeds', { start: feeding });
  console.log(
    `[broadsheet] ${collections.articles.length} articles, ${collections.tags.length} tags, ` +
      `${collections.authors.length} authors, ${content.pages.length} pages` +
      heldBackNote(content.heldBack),
  );
  return { site: content.site, pages: content.pages, heldBack: content.heldBack, buildErrors: errors, ...collections, feedFiles: feeds };
}

/** The site URLs of the files in `public/`, which no alias may take over. */
async function publicUrls(publicDir: string): Promise<string[]> {
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => '/' + path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function heldBackNote({ drafts, scheduled }: { drafts: number; scheduled: number }): string {
  const parts = [drafts ? `${drafts} draft${drafts === 1 ? '' : 's'}` : '', scheduled ? `${scheduled} scheduled` : ''].filter(Boolean);
  return parts.length ? `; held back: ${parts.join(', ')}` : '';
}
