/**
 * The Eleventy plugin: loads the archive through Broadsheet's own content layer, hands Eleventy the
 * collections as global data, and registers the filters and static files.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCollections } from '../collections/index.ts';
import { loadContent } from '../content/load.ts';
import { formatReport, hasErrors } from '../errors/report.ts';
import { feedFiles } from '../feeds/files.ts';
import { feedLinks } from '../feeds/feed-links.ts';
import { createFilters } from './filters.ts';
import { withResponsiveImages } from '../images/responsive-images.ts';
import type { SiteConfig } from '../content/schema.ts';

/** Options for `broadsheetPlugin`. */
export interface Options {
  /** Content folder, relative to the working directory (default: `'content'`). */
  contentDir?: string;
  /**
   * Preview mode, for the dev server (default: `false`): drafts and scheduled articles are shown
   * with a badge, and content errors appear on every page instead of stopping the build.
   */
  preview?: boolean;
  /** Static files copied to the site root (default: `'public'`). */
  publicDir?: string;
}

/** The subset of Eleventy's config API the plugin uses. */
interface EleventyConfig {
  addGlobalData(name: string, data: () => unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPassthroughCopy(mapping: Record<string, string>): void;
  addWatchTarget(target: string): void;
  directories: { output: string };
  on(event: string, callback: (...args: never[]) => unknown): void;
}

const templatesRoot = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * Eleventy's folders: its input is Broadsheet's own page templates, never `content/`, so no
 * editor's file is ever read, parsed or run by Eleventy (no `---js`, no Liquid in Markdown,
 * no `permalink`, no `*.11tydata.js`). The content layer reads `content/` itself.
 */
export const eleventyOptions = {
  dir: {
    input: path.join(templatesRoot, 'pages'),
    includes: '../partials',
    layouts: '../layouts',
    data: '../data',
    output: '_site',
  },
  templateFormats: ['njk'],
};

/**
 * Register Broadsheet with Eleventy.
 *
 * @param eleventyConfig Eleventy's config API.
 * @param options Folders and draft handling; checked before anything is registered.
 */
export function broadsheetPlugin(eleventyConfig: EleventyConfig, options: Options = {}): void {
  const settings = checkOptions(options);

  // Loaded afresh on every build (and every dev-server rebuild); rendering is cached underneath.
  let filters: ReturnType<typeof createFilters> | undefined;
  eleventyConfig.addGlobalData('broadsheet', async () => {
    const { preview } = settings;
    const now = new Date(); // one moment for "scheduled" and the news sitemap's window
    const { content, files } = await loadContent({
      contentDir: settings.contentDir,
      includeDrafts: preview,
      keepGoing: preview,
      now,
      reservedUrls: await publicUrls(settings.publicDir),
    });
    const warnings = formatReport(files);
    if (warnings) console.warn(warnings);
    const errors = formatReport(files.filter((file) => hasErrors([file])));
    filters = createFilters(content.site);
    const imaging = performance.now();
    content.articles = await withResponsiveImages(content.articles, path.resolve(eleventyConfig.directories.output));
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
    return {
      site: content.site,
      pages: content.pages,
      heldBack: content.heldBack,
      // Shown at the top of every preview page; a production build has thrown before this point.
      buildErrors: errors,
      ...collections,
      feedFiles: feeds,
    };
  });

  // Filters need the site settings, which are loaded with the content; they delegate late.
  for (const name of ['readableDate', 'readableTime', 'datetime', 'isoInstant', 'absoluteUrl', 'readingTime', 'newsArticleJson'] as const) {
    eleventyConfig.addFilter(name, (...args: never[]) => {
      if (!filters) throw new Error(`The \`${name}\` filter was used before Broadsheet loaded the site settings.`);
      return (filters[name] as (...a: never[]) => unknown)(...args);
    });
  }

  eleventyConfig.addFilter('feedLinks', (site: SiteConfig, subject?: Parameters<typeof feedLinks>[1]) => feedLinks(site, subject));

  // Rebuild in the dev server when an editor saves a file, or a layout changes.
  eleventyConfig.addWatchTarget(settings.contentDir);
  eleventyConfig.addWatchTarget(templatesRoot);
  eleventyConfig.addPassthroughCopy({ [settings.publicDir]: '/' });
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

function checkOptions(options: Options): Required<Options> {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`Expected the Broadsheet plugin options to be an object, not \`${String(options)}\``);
  }
  const text = (name: 'contentDir' | 'publicDir', fallback: string) => {
    const value = options[name] ?? fallback;
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(`Expected the Broadsheet option \`${name}\` to be a folder path, not \`${JSON.stringify(value)}\``);
    }
    return value.replace(/\/+$/, '');
  };
  const preview = options.preview ?? false;
  if (typeof preview !== 'boolean') {
    throw new TypeError(`Expected the Broadsheet option \`preview\` to be \`true\` or \`false\`, not \`${JSON.stringify(preview)}\``);
  }
  return { contentDir: text('contentDir', 'content'), publicDir: text('publicDir', 'public'), preview };
}
