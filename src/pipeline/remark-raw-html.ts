/**
 * remark plugin that removes raw HTML written in an article and warns about each piece.
 *
 * Articles are Markdown only: editors cannot add scripts, frames, event handlers or
 * comments. `remark-rehype` would drop `html` nodes silently anyway; removing them here
 * lets us tell the editor where they were. rehype-sanitize still runs later as a second
 * line of defence.
 */
import type { Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
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
    strip(tree, file);
  };
}

/**
 * Remove raw HTML below `parent`, in document order so the warnings are too. A plain loop
 * rather than `unist-util-visit`, which costs a hundred times more on a whole article.
 *
 * @param parent
 *   Node to clean.
 * @param file
 *   File to warn on.
 */
function strip(parent: Parent, file: VFile): undefined {
  let index = 0;
  while (index < parent.children.length) {
    const child = parent.children[index]!;
    if (child.type === 'html') {
      report(file, 'raw-html', child.position?.start);
      parent.children.splice(index, 1);
      continue;
    }
    if ('children' in child) {
      strip(child, file);
      // A paragraph that held nothing but raw HTML would leave an empty `<p></p>`.
      const blank =
        child.type === 'paragraph' && child.children.every((node) => node.type === 'text' && node.value.trim() === '');
      if (blank) {
        parent.children.splice(index, 1);
        continue;
      }
    }
    index++;
  }
}
