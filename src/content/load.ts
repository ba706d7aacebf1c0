/**
 * The content layer: reads every file under `content/`, validates it, renders it once, and
 * returns the whole archive, or throws one `ContentError` that lists every problem in every file.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { VFile } from 'vfile';
import type { RenderedMarkdown } from '../pipeline/render.ts';
import { ContentError, hasErrors, report } from '../errors/report.ts';
import { checkAliases, checkPageSlug, normalizeAlias } from './addresses.ts';
import { checkImages } from './images.ts';
import type { Article, Author, Content, Page, ValidatedArticle } from './model.ts';
import { ReadingSession, type Entry } from './read-entries.ts';
import { renderEntries } from './render-entries.ts';
import { authorSchema, createArticleSchema, pageSchema, SLUG_PATTERN, type ArticleFrontmatter, type AuthorFrontmatter, type SiteConfig } from './schema.ts';
import { loadSiteConfig } from './site.ts';
import { toSlug } from './slug.ts';
import { resolveTags } from './tags.ts';
import { checkUniqueIds, checkUniqueUrls } from './unique.ts';

/** Options for `loadContent`. */
export interface Options {
  /** The content folder (default: `'content'`, relative to `cwd`). */
  contentDir?: string;
  /** Folder that paths in messages are relative to (default: `process.cwd()`). */
  cwd?: string;
  /** Publish drafts too, as the dev server does (default: `false`). */
  includeDrafts?: boolean;
  /** Leave out files with errors instead of throwing, for a preview that keeps working (default: `false`). */
  keepGoing?: boolean;
  /** URLs the site publishes besides content, such as the files in `public/` (aliases may not take them). */
  reservedUrls?: readonly string[];
  /** The moment that separates published from scheduled articles (default: now). */
  now?: Date;
  /** Render cache folder, or `false` for none (default: `'.cache/broadsheet'` under `cwd`). */
  cacheDir?: string | false;
  /**
   * Keep the validated files in memory for the next load in this process (default: `false`): the
   * dev server loads on every save; a one-off build would only hold 100,000 bodies for nothing.
   */
  remember?: boolean;
  /**
   * With `remember`: absolute paths of the files changed since the previous load in this process
   * (the dev server's watcher reports them). Other files that load kept are not read again.
   * Unset: every file is read.
   */
  changedFiles?: ReadonlySet<string>;
  /**
   * Keep each file's text on its VFile (default: `false`, so 100,000 texts are not held twice:
   * the body is kept for rendering). `npm run check` reads frontmatter lines from it.
   */
  keepText?: boolean;
  /**
   * Called once every file is valid, before any body is rendered, with the published articles
   * newest first: a build starts its search index there, each year as soon as its bodies are
   * rendered, which is the order they are rendered in.
   */
  onValidated?: (articles: ValidatedArticle[], site: SiteConfig) => void;
}

/**
 * Load the whole archive.
 *
 * @param options Where the content is, and whether drafts and scheduled articles count.
 * @returns The content, plus every file read (with any warnings on them).
 * @throws {ContentError} When any file has an error (unless `keepGoing`); it names every file and line at once.
 */
export async function loadContent(options: Options = {}): Promise<{ content: Content; files: VFile[] }> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const contentDir = path.resolve(cwd, options.contentDir ?? 'content');
  const site = await loadSiteConfig(contentDir, cwd);

  const articleSchema = createArticleSchema(site);
  const cacheDir = options.cacheDir === false ? false : path.resolve(cwd, options.cacheDir ?? '.cache/broadsheet');
  const reading = new ReadingSession({ cacheDir, remember: options.remember ?? false, keepText: options.keepText ?? false, changedFiles: options.changedFiles });
  await reading.open();
  const [articleEntries, authorEntries, pageEntries] = await Promise.all([
    // The article schema is made from the site settings: they are part of its name.
    reading.readEntries(path.join(contentDir, 'articles'), cwd, articleSchema, `article ${JSON.stringify(site)}`),
    reading.readEntries(path.join(contentDir, 'authors'), cwd, authorSchema, 'author'),
    reading.readEntries(path.join(contentDir, 'pages'), cwd, pageSchema, 'page'),
  ]);
  await reading.close();
  const files = [...articleEntries.files, ...authorEntries.files, ...pageEntries.files];

  const now = options.now ?? new Date();
  const statusOf = (data: ArticleFrontmatter) => (data.draft ? 'draft' : data.date.instant > now ? 'scheduled' : 'published');
  const published = articleEntries.entries.filter((entry) => options.includeDrafts || statusOf(entry.data) === 'published');
  const slugs = new Map(published.map((entry) => [entry, articleSlug(entry)]));
  const urls = new Map(published.map((entry) => [entry, articleUrl(entry.data, slugs.get(entry)!)]));
  for (const entry of pageEntries.entries) checkPageSlug(entry);
  const reservedUrls = new Set(options.reservedUrls ?? []);
  for (const entry of published) checkAliases(entry, reservedUrls);
  for (const entry of published) checkAuthorNames(entry);
  checkUniqueUrls([
    ...published.map((entry) => ({ entry, url: urls.get(entry)! })),
    ...published.flatMap((entry) => entry.data.aliases.map((alias, index) => ({ entry, url: normalizeAlias(alias), place: entry.places.get(`aliases.${index}`) }))),
    ...pageEntries.entries.map((entry) => ({ entry, url: `/${toSlug(entry.stem)}/` })),
  ]);
  checkUniqueIds(published);
  const tagsOf = resolveTags(published);
  if (hasErrors(files)) {
    if (!options.keepGoing) throw new ContentError(files);
    // A preview leaves out the files with errors (the report names them) and shows the rest.
    const fine = (entry: Entry<unknown>) => !hasErrors([entry.file]);
    published.splice(0, published.length, ...published.filter(fine));
    authorEntries.entries = authorEntries.entries.filter(fine);
    pageEntries.entries = pageEntries.entries.filter(fine);
  }
  const rendering = performance.now();
  performance.measure('broadsheet:load', { start: started, end: rendering });

  // Author pages are made before the bodies are rendered (bylines need them); bios come after.
  const authorsBySlug = new Map(authorEntries.entries.map((entry) => [entry.stem, toAuthor(entry)]));
  const bylineAuthors = new Map<string, Author>();
  const byline = (name: string): Author => {
    const slug = toSlug(name);
    let author = bylineAuthors.get(slug);
    if (!author) {
      author = authorsBySlug.get(slug) ?? { name, slug, url: `/authors/${slug}/`, links: [] };
      bylineAuthors.set(slug, author);
    }
    return author;
  };
  const authorsOf = new Map(published.map((entry) => [entry, entry.data.author.map(byline)]));

  // Newest first: the search index takes the years in that order.
  const byDate = published.map((entry) => ({ entry, instant: entry.data.date.instant.getTime(), url: urls.get(entry)! }));
  byDate.sort((a, b) => b.instant - a.instant || a.url.localeCompare(b.url));
  const entries = [...byDate.map(({ entry }) => entry), ...authorEntries.entries, ...pageEntries.entries];
  const rendered = await renderEntries(entries, cacheDir);
  options.onValidated?.(
    byDate.map(({ entry, url }, index) => ({
      url,
      title: entry.data.title,
      ...(entry.data.description ? { description: entry.data.description } : {}),
      date: entry.data.date,
      authors: authorsOf.get(entry)!,
      tags: tagsOf.get(entry) ?? [],
      status: statusOf(entry.data),
      bodyKey: rendered.keys[index]!,
      body: rendered.bodies[index]!,
    })),
    site,
  );
  const bodies = await rendered.all;
  performance.measure('broadsheet:render', { start: rendering });
  const imagesOf = new Map(published.map((entry) => [entry, checkImages(entry, bodies.get(entry)!, contentDir)]));
  if (hasErrors(files) && !options.keepGoing) throw new ContentError(files);
  for (const entry of authorEntries.entries) {
    const bio = bodies.get(entry)!.html;
    if (bio.trim()) authorsBySlug.get(entry.stem)!.bioHtml = bio;
  }

  const articles: Article[] = published.map((entry) => {
    const { data } = entry;
    const body = bodies.get(entry)!;
    return {
      guid: guidFor(site.url, data.id ?? path.relative(path.join(contentDir, 'articles'), path.resolve(cwd, entry.file.path)).replace(/\.md$/, '')),
      title: data.title,
      ...(data.description ? { description: data.description } : {}),
      summary: data.description ?? body.excerpt,
      date: data.date,
      ...(data.updated ? { updated: data.updated } : {}),
      modified: [data.date, data.updated, ...data.corrections.map((correction) => correction.date)]
        .filter((date) => date !== undefined)
        .reduce((latest, date) => (date.instant > latest.instant ? date : latest)),
      authors: authorsOf.get(entry)!,
      tags: tagsOf.get(entry) ?? [],
      slug: slugs.get(entry)!,
      url: urls.get(entry)!,
      body,
      status: statusOf(data),
      draft: data.draft,
      aliases: data.aliases.map(normalizeAlias),
      ...imagesOf.get(entry)!,
      corrections: [...data.corrections].sort((a, b) => a.date.instant.getTime() - b.date.instant.getTime()),
      sourcePath: entry.file.path,
    };
  });
  articles.sort(newestFirst);

  const pages: Page[] = pageEntries.entries.map((entry) => ({
    title: entry.data.title,
    ...(entry.data.description ? { description: entry.data.description } : {}),
    slug: toSlug(entry.stem),
    url: `/${toSlug(entry.stem)}/`,
    html: bodies.get(entry)!.html,
    sourcePath: entry.file.path,
  }));

  return {
    content: {
      site,
      articles,
      authors: [...bylineAuthors.values()].sort((a, b) => a.name.localeCompare(b.name)),
      pages,
      heldBack: countHeldBack(articleEntries.entries, new Set(published), statusOf),
    },
    files,
  };
}

/** Drafts and scheduled articles that were read but are not in this build. */
function countHeldBack(
  entries: ReadonlyArray<Entry<ArticleFrontmatter>>,
  published: ReadonlySet<Entry<ArticleFrontmatter>>,
  statusOf: (data: ArticleFrontmatter) => Article['status'],
): Content['heldBack'] {
  const held = entries.filter((entry) => !published.has(entry)).map((entry) => statusOf(entry.data));
  return { drafts: held.filter((status) => status === 'draft').length, scheduled: held.filter((status) => status === 'scheduled').length };
}

/** Newest first; ties broken by URL so every build orders them the same. */
export function newestFirst(a: Article, b: Article): number {
  return b.date.instant.getTime() - a.date.instant.getTime() || a.url.localeCompare(b.url);
}

function articleSlug(entry: Entry<ArticleFrontmatter>): string {
  const slug = entry.data.slug ?? toSlug(entry.stem);
  if (!SLUG_PATTERN.test(slug)) {
    report(entry.file, 'invalid-field', { line: 1, column: 1 }, 'slug', 'The file name cannot be made into a web address of a-z, 0-9 and hyphens; add a `slug` field such as `slug: budget-vote`');
  }
  return slug;
}

function articleUrl(data: ArticleFrontmatter, slug: string): string {
  const { year, month, day } = data.date;
  return `/${year}/${pad(month)}/${pad(day)}/${slug}/`;
}

function checkAuthorNames(entry: Entry<ArticleFrontmatter>): void {
  entry.data.author.forEach((name, index) => {
    if (toSlug(name)) return;
    const place = entry.places.get(`author.${index}`) ?? entry.places.get('author');
    report(entry.file, 'invalid-field', place, 'author', `\`${name}\` has no letters or digits to make the author page's address from; write the person's name`);
  });
}

/** An author as the byline shows them; the bio is added once it is rendered. */
function toAuthor(entry: Entry<AuthorFrontmatter>): Author {
  const { data, stem } = entry;
  return { name: data.name, slug: stem, url: `/authors/${stem}/`, ...(data.role ? { role: data.role } : {}), links: data.links };
}

/** A name-based UUID (RFC 4122 v5 layout) of the site and key: stable for as long as the key is. */
function guidFor(siteUrl: string, key: string): string {
  const hash = createHash('sha1').update(`${siteUrl}\n${key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
