/**
 * The Eleventy plugin: loads the archive through Broadsheet's own content layer, hands Eleventy the
 * collections as global data, and registers the filters and static files.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedLinks } from '../feeds/feed-links.ts';
import { folderCreation, forgetPageKeys, type PageKeys } from '../output/reuse.ts';
import type { SiteConfig } from '../content/schema.ts';
import { planEmit, type ArticleKeys, type EmitPlan } from './emit-plan.ts';
import { createFilters } from './filters.ts';
import type { SiteData } from './site-data.ts';

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
  /**
   * The site's data and the pages to write, when the caller prepared them (`buildSite` does, to
   * index the site for search meanwhile and to write a large site in parts). Without it, the
   * plugin loads the site on every build and writes the pages changed since its previous build.
   */
  prepared?: { data: SiteData; emit: EmitPlan; /** Write only the paginated pages (a later part). */ pagesOnly: boolean };
}

/** The subset of Eleventy's config API the plugin uses. */
interface EleventyConfig {
  addGlobalData(name: string, data: () => unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPassthroughCopy(mapping: Record<string, string>): void;
  addWatchTarget(target: string): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  directories: { output: string };
  on(event: string, callback: (...args: never[]) => unknown): void;
  ignores: Set<string>;
}

// The templates that are not paginated over `broadsheet.emit`: written once per build.
const SINGLE_PAGES = ['404.njk', 'archive.njk', 'authors.njk', 'redirects-file.njk', 'search.njk', 'tags.njk'];

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

  let filters: ReturnType<typeof createFilters> | undefined;
  // The dev server re-uses the pages it wrote itself: those of its previous rebuild, in the folder
  // it wrote them to (a build swapping in `_site/`, or the folder deleted, starts over).
  let previewKeys: PageKeys | undefined;
  let articleKeys: ArticleKeys | undefined;
  let writtenInto = '';
  eleventyConfig.on('eleventy.after', () => {
    writtenInto = folderCreation(path.resolve(eleventyConfig.directories.output));
  });
  // Files the watcher saw change since the last load; unset until the first rebuild (read all).
  let changedFiles: Set<string> | undefined;
  eleventyConfig.on('eleventy.beforeWatch', (queue: string[]) => {
    changedFiles ??= new Set();
    for (const file of queue) changedFiles.add(path.resolve(file));
  });
  eleventyConfig.addGlobalData('broadsheet', async () => {
    if (options.prepared) {
      filters = createFilters(options.prepared.data.site);
      return { ...options.prepared.data, emit: options.prepared.emit };
    }
    // Imported when used: a page-writing thread is handed its data, and need not load the content
    // layer and the unified pipeline (~0.7 s of its start-up).
    const { loadSiteData } = await import('./site-data.ts');
    const { preview } = settings;
    const outputDir = path.resolve(eleventyConfig.directories.output);
    // Loaded afresh on every rebuild; reading and rendering are cached underneath.
    const changed = changedFiles && new Set(changedFiles);
    const data = await loadSiteData({ ...settings, outputDir, remember: true, ...(changed ? { changedFiles: changed } : {}) });
    // Forgotten only once loaded: a load that failed part-way reads them again next time.
    for (const file of changed ?? []) changedFiles!.delete(file);
    filters = createFilters(data.site);
    // Preview pages are written over the output in place, so a build must not trust its record.
    if (!previewKeys) await forgetPageKeys(path.resolve('.cache/broadsheet'), outputDir);
    const inPlace = previewKeys && folderCreation(outputDir) === writtenInto ? { dir: outputDir, keys: previewKeys } : undefined;
    const plan = await planEmit(data, preview, inPlace, articleKeys);
    previewKeys = plan.keys;
    articleKeys = plan.articleKeys;
    const { emit } = plan;
    return { ...data, emit };
  });

  // Filters need the site settings, which are loaded with the content; they delegate late.
  for (const name of ['readableDate', 'readableTime', 'datetime', 'isoInstant', 'absoluteUrl', 'readingTime', 'newsArticleJson'] as const) {
    eleventyConfig.addFilter(name, (...args: never[]) => {
      if (!filters) throw new Error(`The \`${name}\` filter was used before Broadsheet loaded the site settings.`);
      return (filters[name] as (...a: never[]) => unknown)(...args);
    });
  }

  eleventyConfig.addFilter('feedLinks', (site: SiteConfig, subject?: Parameters<typeof feedLinks>[1]) => feedLinks(site, subject));

  // Rebuild in the dev server when an editor saves a file, or a layout changes. Eleventy by
  // default waits until a saved file has kept its size for 150 ms; an editor writes a Markdown
  // file at once, so 50 ms is plenty.
  eleventyConfig.addWatchTarget(settings.contentDir);
  eleventyConfig.addWatchTarget(templatesRoot);
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  if (options.prepared?.pagesOnly) {
    // A later part of a build written in parts: the first part wrote the other pages and files.
    for (const name of SINGLE_PAGES) eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(eleventyOptions.dir.input, name)));
  } else {
    eleventyConfig.addPassthroughCopy({ [settings.publicDir]: '/' });
  }
}

function checkOptions(options: Options): Required<Pick<Options, 'contentDir' | 'publicDir' | 'preview'>> {
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
