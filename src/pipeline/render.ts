/**
 * Render one article body with the unified processor.
 */
import type { Nodes as HastNodes } from 'hast';
import type { VFile } from 'vfile';
import type { Heading } from './rehype-heading-ids.ts';
import type { ArticleImage, ArticleLink } from './remark-links.ts';
import { createProcessor, type ArticleProcessor } from './processor.ts';

/** What rendering an article body produces. */
export interface RenderedMarkdown {
  /**
   * Identifies this rendering (a hash of the Markdown and the pipeline), when it came through the
   * render cache; `html` and `text` are then read from the cache when used.
   */
  key?: string;
  /** Sanitized body HTML. */
  html: string;
  /** The body as plain text, blocks on lines of their own (what the search index holds). */
  text: string;
  /** Plain text of the first paragraph, with typographic quotes; `''` if there is none. */
  excerpt: string;
  /** Words in the text content. */
  wordCount: number;
  /** `Math.max(1, Math.round(wordCount / 230))`. */
  readingMinutes: number;
  /** Headings with their ids, in document order. */
  headings: Heading[];
  /** Links and link definitions as written, with their places (for the link checker). */
  links: ArticleLink[];
  /** Images in the body, as written (`remark-links.ts`). */
  images: ArticleImage[];
}

// Built on first use, then shared by every article rendered without an explicit processor.
let defaultProcessor: ArticleProcessor | undefined;

/**
 * The processor `renderMarkdown` uses when none is passed: `createProcessor()` with default
 * options, created on the first call and reused afterwards.
 *
 * @returns
 *   The shared default processor.
 */
export function getDefaultProcessor(): ArticleProcessor {
  defaultProcessor ??= createProcessor();
  return defaultProcessor;
}

/**
 * Render an article body to sanitized HTML and collect its excerpt, statistics and
 * headings.
 *
 * Line and column numbers come from the file as given: callers pad the body with
 * newlines so they match the original file. Problems in the Markdown become messages on
 * `file` (see `file.messages`); this function does not throw because of the input. If a
 * plugin fails, the error becomes a fatal `render-failed` message and the result is empty.
 *
 * @param file
 *   The article body; `file.path` names it in messages. `file.value` is not changed.
 * @param processor
 *   Processor from `createProcessor` (default: `getDefaultProcessor()`).
 * @returns
 *   The HTML and what was learnt about the body.
 */
export async function renderMarkdown(file: VFile, processor?: ArticleProcessor): Promise<RenderedMarkdown> {
  const active = processor ?? getDefaultProcessor();
  let html = '';
  let text = '';
  try {
    // parse/run/stringify rather than `process`, which would replace `file.value` with HTML.
    const tree = await active.run(active.parse(file), file);
    html = active.stringify(tree, file);
    text = plainText(tree).replace(/\n{3,}/g, '\n\n').trim();
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    const message = file.message(
      'The article body could not be turned into HTML. This is a bug in Broadsheet or in a plugin, ' +
        'not in the article: please report it with this file.',
      { cause, ruleId: 'render-failed', source: 'broadsheet' },
    );
    message.fatal = true;
    return { html: '', text: '', excerpt: '', wordCount: 0, readingMinutes: 1, headings: [], links: [], images: [] };
  }
  const { excerpt = '', wordCount = 0, readingMinutes = 1, headings = [], links = [], images = [] } = file.data;
  return { html, text, excerpt, wordCount, readingMinutes, headings, links, images };
}

/** Text of a hast tree without the heading anchors' `#` (remark-rehype puts newlines between blocks). */
function plainText(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'root' && node.type !== 'element') return '';
  if (node.type === 'element' && (node.properties.className as string[] | undefined)?.includes('heading-anchor')) return '';
  let text = '';
  for (const child of node.children) text += plainText(child);
  return text;
}
