/**
 * remark plugin that removes raw HTML written in an article and warns about each piece.
 *
 * Articles are Markdown only: editors cannot add scripts, frames, event handlers or
 * comments. `remark-rehype` would drop `html` nodes silently anyway; removing them here
 * lets us tell the editor where they were. rehype-sanitize still runs later as a second
 * line of defence.
 */
import type { Html, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { report } from '../errors/report.ts';

/**
 * Remove every raw HTML node (block or inline, comments included) and put a `raw-html`
 * warning on the file at the node's line and column.
 *
 * @returns
 *   Transform.
 */
export function remarkRawHtml() {
  return function (tree: Root, file: VFile): undefined {
    visit(tree, 'html', function (node: Html, index, parent: Parent | undefined) {
      if (parent === undefined || index === undefined) return;
      report(file, 'raw-html', node.position?.start);
      parent.children.splice(index, 1);
      // Continue with the node that moved into this index.
      return [SKIP, index];
    });
    removeEmptyParagraphs(tree);
  };
}

/**
 * Drop paragraphs that held nothing but raw HTML, so no empty `<p></p>` is left behind.
 *
 * @param tree
 *   Tree to clean.
 */
function removeEmptyParagraphs(tree: Root): undefined {
  visit(tree, 'paragraph', function (node, index, parent: Parent | undefined) {
    if (parent === undefined || index === undefined) return;
    const blank = node.children.every((child) => child.type === 'text' && child.value.trim() === '');
    if (!blank) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}
