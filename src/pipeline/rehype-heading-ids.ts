/**
 * rehype plugin that gives headings ids and lists them for a table of contents.
 *
 * It makes the same slugs as rehype-slug (both use github-slugger), and adds two things
 * rehype-slug lacks: ids already in the document (the footnotes' ids) are reserved, so
 * `## Footnote label` cannot collide with the footnote section, and a heading without
 * letters or digits (`## ???`) gets `section` rather than an empty id.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { slug } from 'github-slugger';
import { toString } from 'hast-util-to-string';

/** A heading of an article, in document order. */
export interface Heading {
  /** Rank: `2` for `<h2>`. */
  depth: number;
  /** The heading's `id`, without `#`. */
  id: string;
  /** The heading's plain text. */
  text: string;
}

/**
 * Give every heading that has no `id` a unique slug of its text, and store those headings
 * in `file.data.headings`. Headings that already have an `id` (the footnote section's
 * label) keep it and are not listed.
 *
 * @returns
 *   Transform.
 */
export function rehypeHeadingIds() {
  return function (tree: Root, file: VFile): undefined {
    // Per-run state: every id in this document, so new ones stay unique.
    const taken = new Set<string>();
    const pending: Element[] = [];
    // A plain loop: `unist-util-visit` costs a hundred times more on a whole article.
    const walk = (parent: Root | Element): void => {
      for (const node of parent.children) {
        if (node.type !== 'element') continue;
        const id = node.properties.id;
        if (typeof id === 'string' && id !== '') taken.add(id);
        else if (rank(node) !== 0) pending.push(node);
        walk(node);
      }
    };
    walk(tree);

    const headings: Heading[] = [];
    for (const node of pending) {
      const text = toString(node).replace(/\s+/g, ' ').trim();
      const base = slug(text) || 'section';
      let id = base;
      for (let count = 1; taken.has(id); count++) id = `${base}-${count}`;
      taken.add(id);
      node.properties.id = id;
      headings.push({ depth: rank(node), id, text });
    }
    file.data.headings = headings;
  };
}

/**
 * Rank of a heading element.
 *
 * @param node
 *   Element.
 * @returns
 *   `1` to `6` for `<h1>` to `<h6>`, `0` for other elements.
 */
function rank(node: Element): number {
  return /^h[1-6]$/.test(node.tagName) ? Number(node.tagName.charAt(1)) : 0;
}
