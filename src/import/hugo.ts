/**
 * Hugo archives: `content/posts/**` (else `content/**`), YAML or TOML front matter, page bundles
 * (`posts/trip/index.md`), with old URLs from `url`, `aliases` and the site's `permalinks`
 * (https://gohugo.io/content-management/urls/).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fillPattern } from './aliases.ts';
import { dateParts, MONTHS, splitFileName, WEEKDAYS } from './dates.ts';
import { listFiles, postName, type Discovery } from './find-files.ts';
import type { SourceFormat, UrlContext } from './mapping.ts';
import type { SourcePost } from './model.ts';
import { PRESENTATION } from './presentation.ts';

/** Content files Hugo renders; only Markdown converts, the rest fail so the report lists them. */
const CONTENT_FILE = /\.(?:md|markdown|mdown|html?|adoc|asciidoc|org|pandoc|rst)$/i;

/** How Hugo's posts are found and read, and how Hugo made their URLs. */
export const hugo: SourceFormat = {
  rules: {
    title: ['title'],
    date: ['date', 'publishdate', 'pubdate', 'published'],
    updated: ['lastmod', 'modified'],
    author: ['authors', 'author'],
    description: ['description', 'summary'],
    tags: [['tags', 'none'], ['categories', 'none']],
    slug: ['slug'],
    id: ['id'],
    urls: ['url', 'aliases'],
    presentation: PRESENTATION,
  },

  async find(root: string, exclude: readonly string[]): Promise<Discovery> {
    const content = (await isFolder(path.join(root, 'content'))) ? path.join(root, 'content') : root;
    let folder = content;
    for (const name of ['posts', 'post']) {
      if (await isFolder(path.join(content, name))) {
        folder = path.join(content, name);
        break;
      }
    }
    const files = (await listFiles(folder, exclude)).filter((file) => CONTENT_FILE.test(file));
    const bundles = new Set(files.filter((file) => /^index\./.test(path.basename(file))).map((file) => path.dirname(file)));
    const discovery: Discovery = { posts: [], ignored: [] };
    for (const file of files) {
      // Everything below a leaf bundle's `index.md`, other than the index, belongs to it.
      const inBundle = !/^index\./.test(path.basename(file)) && [...bundles].some((bundle) => file.startsWith(bundle + path.sep));
      if (/^_index\./.test(path.basename(file))) discovery.ignored.push({ absolute: file, reason: 'a section’s list page (`_index`), not a post' });
      else if (inBundle) discovery.ignored.push({ absolute: file, reason: 'a resource of the page bundle around it, not a post' });
      else discovery.posts.push(file);
    }
    return discovery;
  },

  pathFacts(post) {
    const { name, date } = splitFileName(postName(contentPath(post)).name);
    return { name, ...(date ? { date } : {}), categories: [], draft: false };
  },

  oldUrls({ post, facts, article, settings, field }: UrlContext) {
    const { folder } = postName(contentPath(post));
    const section = `/${urlize(folder)}/`.replace(/\/{2,}/g, '/');
    const under = (value: unknown) => (typeof value === 'string' && value.startsWith('/') ? settings.basePath + value : value);
    const url = field('url');
    const aliases = field('aliases');
    const slug = field('slug');
    const slugOrName = typeof slug?.value === 'string' && slug.value.trim() ? slug.value : facts.name;
    let address: unknown = url?.value;
    if (typeof address !== 'string') {
      const pattern = settings.permalinks[folder.split('/')[0] ?? ''];
      address = pattern
        ? fillPattern(pattern, placeholders(article, folder, facts.name, typeof slug?.value === 'string' ? slug.value : undefined))
        : `${section}${urlize(slugOrName)}/`;
      if (settings.uglyUrls) address = String(address).replace(/\/$/, '.html');
    }
    return [
      // Hugo never published a draft, so it had no address, unless the post gave one.
      ...(article.draft && !url ? [] : [{ value: under(address), line: url?.line }]),
      // An alias without a leading slash is relative to the post's section.
      ...[aliases?.value].flat().filter((value) => value !== undefined).map((value) => ({ value: under(asFolder(value)), line: aliases?.line, base: settings.basePath + section })),
    ];
  },
};

/** Hugo writes an alias without a file extension as a folder (`old/` + `index.html`). */
function asFolder(value: unknown): unknown {
  return typeof value === 'string' && !/(\/|\.\w+)$/.test(value) ? `${value}/` : value;
}

/** The post's path below `content/`, where Hugo's sections start. */
function contentPath(post: SourcePost): string {
  return post.relative.replace(/^content\//, '');
}

/** Hugo's `urlize`, and its lowercasing of paths: spaces become hyphens, letters of any script stay. */
function urlize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}\-_./]/gu, '');
}

/** Hugo's permalink tokens: https://gohugo.io/content-management/urls/#tokens */
function placeholders(article: UrlContext['article'], folder: string, name: string, slug: string | undefined): Record<string, string> {
  const { year, month, day } = dateParts(article.date);
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const title = urlize(article.title);
  return {
    year, month, day,
    monthname: MONTHS[utc.getUTCMonth()]!.toLowerCase(),
    weekday: String(utc.getUTCDay()),
    weekdayname: WEEKDAYS[utc.getUTCDay()]!.toLowerCase(),
    yearday: String(Math.round((utc.getTime() - Date.UTC(Number(year), 0, 1)) / 86_400_000) + 1),
    section: folder.split('/')[0] ?? '',
    sections: folder,
    title,
    slug: slug ? urlize(slug) : title,
    filename: urlize(name),
    contentbasename: urlize(name),
    slugorfilename: urlize(slug ?? name),
    slugorcontentbasename: urlize(slug ?? name),
  };
}

async function isFolder(folder: string): Promise<boolean> {
  return stat(folder).then((stats) => stats.isDirectory(), () => false);
}
