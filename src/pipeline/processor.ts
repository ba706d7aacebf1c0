/**
 * The unified processor that turns an article's Markdown body into safe HTML.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { rehypeExternalLinks } from './rehype-external-links.ts';
import { rehypeHeadingIds, type Heading } from './rehype-heading-ids.ts';
import { remarkExcerpt } from './remark-excerpt.ts';
import { remarkLinks, type ArticleImage, type ArticleLink } from './remark-links.ts';
import { remarkRawHtml } from './remark-raw-html.ts';
import { remarkReadingTime } from './remark-reading-time.ts';
import { remarkTypography } from './remark-typography.ts';

declare module 'vfile' {
  interface DataMap {
    /** Plain text of the first paragraph (`remark-excerpt.ts`). */
    excerpt: string;
    /** Words in the text (`remark-reading-time.ts`). */
    wordCount: number;
    /** Estimated reading time in whole minutes, at least 1 (`remark-reading-time.ts`). */
    readingMinutes: number;
    /** Headings with their ids, in document order (`rehype-heading-ids.ts`). */
    headings: Heading[];
    /** Link targets as written, with their places (`remark-links.ts`). */
    links: ArticleLink[];
    /** Images as written, with their alt text and places (`remark-links.ts`). */
    images: ArticleImage[];
  }
}

/** Configuration for {@link createProcessor}. */
export interface Options {
  /** Host names of this site; absolute links to them are not marked external (default: `[]`). */
  internalHosts?: ReadonlyArray<string>;
  /**
   * Extra remark plugins, run after raw HTML is removed and before typography and the
   * article statistics (default: `[]`).
   */
  remarkPlugins?: PluggableList;
  /**
   * Extra rehype plugins, run last, just before serialising (default: `[]`). They run after
   * the sanitizer, so only trusted code belongs here: what they add is not sanitized.
   */
  rehypePlugins?: PluggableList;
  /** Reading speed for `readingMinutes`, in words per minute (default: `230`). */
  wordsPerMinute?: number;
}

/** The frozen processor: Markdown text in, HTML text out. */
export type ArticleProcessor = Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>;

const emptyOptions: Options = {};

/**
 * Sanitizer schema: GitHub's, except ids are not prefixed again. remark-rehype already
 * writes footnote ids and their `href`s with `user-content-`; a second prefix on the ids
 * alone would break every footnote link. Editors cannot set ids any other way, as raw
 * HTML is removed before this stage.
 */
const sanitizeSchema = { ...defaultSchema, clobber: [] };

/**
 * Build the Markdown → HTML processor, once; reuse it for every article.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   A frozen processor. Use it with `renderMarkdown` from `render.ts`.
 */
export function createProcessor(options?: Options): ArticleProcessor {
  const settings = options ?? emptyOptions;
  return (
    unified()
      // 1. Markdown → mdast, with GFM tables, footnotes, strikethrough and task lists.
      .use(remarkParse)
      .use(remarkGfm)
      // 2. Our remark plugins. First drop raw HTML, so nothing later sees it.
      .use(remarkRawHtml)
      // 3. Extension point: extra remark plugins.
      .use(settings.remarkPlugins ?? [])
      // 4. Curly quotes, ellipses, and dashes (`--` en, `---` em). Before the statistics,
      //    so the excerpt has them. Same output as remark-smartypants with
      //    `dashes: 'oldschool'`, about five times faster (see `remark-typography.ts`).
      .use(remarkTypography)
      // 5. Statistics read the final mdast; they do not change it.
      .use(remarkExcerpt)
      .use(remarkLinks)
      .use(remarkReadingTime, settings.wordsPerMinute === undefined ? {} : { wordsPerMinute: settings.wordsPerMinute })
      // 6. mdast → hast. Raw HTML is not passed through (no `allowDangerousHtml`).
      .use(remarkRehype, { clobberPrefix: 'user-content-' })
      // 7. Sanitize everything that came from the editor.
      .use(rehypeSanitize, sanitizeSchema)
      // 8. Heading ids and anchors, made by us after sanitizing so ids stay clean slugs.
      //    The anchor goes after the heading, both in a `div.heading-wrapper` for styling:
      //    inside the heading, its label would be read as part of every heading's name.
      .use(rehypeHeadingIds)
      .use(rehypeAutolinkHeadings, {
        behavior: 'after',
        group: () => element('div', { className: ['heading-wrapper'] }, []),
        content: { type: 'text', value: '#' },
        properties: (heading) => ({
          className: ['heading-anchor'],
          ariaLabel: `Link to this section: ${toString(heading).replace(/\s+/g, ' ').trim()}`,
        }),
        // The footnotes' label is visually hidden: a visible anchor would be stray.
        test: (heading: Element) => !isVisuallyHidden(heading),
      })
      // 9. Our other rehype plugins.
      .use(rehypeExternalLinks, { internalHosts: settings.internalHosts ?? [] })
      // 10. Extension point: extra rehype plugins (trusted code only, see `Options`).
      .use(settings.rehypePlugins ?? [])
      // 11. hast → HTML text.
      .use(rehypeStringify)
      .freeze()
  );
}

/** Whether an element has the `sr-only` class. */
function isVisuallyHidden(node: Element): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes('sr-only');
}

/** Make a hast element. */
function element(tagName: string, properties: Element['properties'], children: Element['children']): Element {
  return { type: 'element', tagName, properties, children };
}
