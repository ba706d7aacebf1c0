/**
 * remark plugin that takes the article's excerpt from its first paragraph.
 *
 * It must run after typography, so the excerpt carries the same curly quotes and dashes
 * as the page.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';

/**
 * Store the plain text of the document's first top-level paragraph in `file.data.excerpt`
 * (`''` when there is none).
 *
 * Only direct children of the root count: a quotation, list or footnote is not the lede.
 * Image alt text is left out, and paragraphs with no text (a lead photo on its own) are
 * skipped. Line breaks and runs of spaces and tabs become one space (no-break spaces are kept).
 *
 * @returns
 *   Transform.
 */
export function remarkExcerpt() {
  return function (tree: Root, file: VFile): undefined {
    file.data.excerpt = '';
    for (const node of tree.children) {
      if (node.type !== 'paragraph') continue;
      const text = toString(node, { includeImageAlt: false }).replace(/[\t\n\r ]+/g, ' ').trim();
      if (text !== '') {
        file.data.excerpt = text;
        return;
      }
    }
  };
}
