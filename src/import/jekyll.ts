/**
 * Jekyll archives: `_posts/YYYY-MM-DD-slug.md` (also below category folders, and `_drafts/`), with
 * old URLs computed from the post's or the site's `permalink` (https://jekyllrb.com/docs/permalinks/).
 */
import path from 'node:path';
import { fillPattern } from './aliases.ts';
import { dateParts, MONTHS, splitFileName, WEEKDAYS } from './dates.ts';
import { listFiles, postName, type Discovery } from './find-files.ts';
import type { SourceFormat, UrlContext } from './mapping.ts';
import { PRESENTATION } from './presentation.ts';
import { readTags } from './tags.ts';

/** Jekyll's default `permalink: date`. */
const DEFAULT_PATTERN = '/:categories/:year/:month/:day/:title:output_ext';

/** Files in `_posts/` that are posts, though not Markdown (they fail, so the report lists them). */
const POST_FILE = /\.(?:md|markdown|mdown|mkdn|mkd|html?|textile)$/i;

/** How Jekyll's posts are found and read, and how Jekyll made their URLs. */
export const jekyll: SourceFormat = {
  rules: {
    title: ['title'],
    date: ['date'],
    updated: ['last_modified_at', 'updated', 'modified'],
    author: ['author', 'authors'],
    description: ['description', 'excerpt'],
    tags: [['categories', 'space'], ['category', 'none'], ['tags', 'space'], ['tag', 'none']],
    slug: ['slug'],
    id: ['id'],
    urls: ['permalink', 'redirect_from'],
    presentation: PRESENTATION,
  },

  async find(root: string, exclude: readonly string[]): Promise<Discovery> {
    const posts = (await listFiles(root, exclude)).filter((file) => {
      const folders = path.relative(root, path.dirname(file)).split(path.sep);
      return (folders.includes('_posts') || folders.includes('_drafts')) && POST_FILE.test(file);
    });
    return { posts, ignored: [] };
  },

  pathFacts(post) {
    const folders = post.relative.split('/').slice(0, -1);
    const at = folders.findIndex((folder) => folder === '_posts' || folder === '_drafts');
    const { name, date } = splitFileName(postName(post.relative).name);
    return {
      name,
      ...(date ? { date } : {}),
      // `news/_posts/…` puts the post in the category `news`.
      categories: folders.slice(0, Math.max(at, 0)),
      draft: folders[at] === '_drafts',
    };
  },

  oldUrls({ facts, article, settings, field }: UrlContext) {
    const permalink = field('permalink');
    const pattern = typeof permalink?.value === 'string' ? permalink.value : settings.permalinks['*'] ?? DEFAULT_PATTERN;
    const categories = [...facts.categories, ...readTags(field('categories')?.value, 'space'), ...readTags(field('category')?.value, 'none')];
    const slug = field('slug');
    const title = typeof slug?.value === 'string' ? slug.value : facts.name;
    const url = settings.basePath + fillPattern(pattern, placeholders(article.date, title, [...new Set(categories.map((c) => c.toLowerCase()))]));
    const redirects = field('redirect_from');
    return [
      // Jekyll never published a draft, so it had no address, unless the post gave one.
      ...(article.draft && !permalink ? [] : [{ value: url, line: permalink?.line }]),
      ...[redirects?.value].flat().map((value) => ({ value, line: redirects?.line })).filter(({ value }) => value !== undefined),
    ];
  },
};

/** Jekyll's URL placeholders for a post: https://jekyllrb.com/docs/permalinks/#placeholders */
function placeholders(date: string, title: string, categories: string[]): Record<string, string> {
  const { year, month, day, hour, minute, second } = dateParts(date);
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const yearDay = Math.round((utc.getTime() - Date.UTC(Number(year), 0, 1)) / 86_400_000) + 1;
  const weekday = WEEKDAYS[utc.getUTCDay()]!;
  const monthName = MONTHS[utc.getUTCMonth()]!;
  return {
    year, month, day, hour, minute, second,
    short_year: year.slice(2),
    i_month: String(Number(month)),
    i_day: String(Number(day)),
    y_day: String(yearDay).padStart(3, '0'),
    short_month: monthName.slice(0, 3),
    long_month: monthName,
    short_day: weekday.slice(0, 3),
    long_day: weekday,
    week: String(isoWeek(utc)).padStart(2, '0'),
    title,
    slug: title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, ''),
    categories: categories.join('/'),
    output_ext: '.html',
  };
}

function isoWeek(day: Date): number {
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  return Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
}
