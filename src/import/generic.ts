/**
 * Any tree of Markdown (or MDX) files with YAML front matter: the common field names of static site
 * generators and CMS exports, with old URLs only where a field gives them.
 */
import { splitFileName } from './dates.ts';
import { listFiles, MARKDOWN, postName, type Discovery } from './find-files.ts';
import type { SourceFormat, UrlContext } from './mapping.ts';
import { PRESENTATION } from './presentation.ts';

const URL_FIELDS = ['permalink', 'url', 'aliases', 'redirect_from'];

/** How posts of any other Markdown tree are found and read. */
export const generic: SourceFormat = {
  rules: {
    title: ['title', 'headline'],
    date: ['date', 'published', 'publishdate', 'pubdate', 'published_at', 'created', 'created_at'],
    updated: ['updated', 'lastmod', 'modified', 'last_modified_at', 'updated_at', 'updateddate'],
    author: ['author', 'authors', 'byline'],
    description: ['description', 'summary', 'excerpt', 'dek', 'subtitle'],
    tags: [['tags', 'comma'], ['tag', 'comma'], ['categories', 'comma'], ['category', 'none']],
    slug: ['slug'],
    id: ['id', 'guid', 'uuid'],
    urls: URL_FIELDS,
    presentation: PRESENTATION,
  },

  async find(root: string, exclude: readonly string[]): Promise<Discovery> {
    return { posts: (await listFiles(root, exclude)).filter((file) => MARKDOWN.test(file)), ignored: [] };
  },

  pathFacts(post) {
    const { name, date } = splitFileName(postName(post.relative).name);
    return { name, ...(date ? { date } : {}), categories: [], draft: false };
  },

  oldUrls({ field }: UrlContext) {
    return URL_FIELDS.flatMap((name) => {
      const found = field(name);
      return [found?.value].flat().filter((value) => value !== undefined).map((value) => ({ value, line: found?.line }));
    });
  },
};
