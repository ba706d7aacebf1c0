/**
 * remark plugin that lists the link targets an article's Markdown names, with their
 * places, so `broadsheet check` can report broken internal links at the right line.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/** A link target written in an article. */
export interface ArticleLink {
  /** The URL as written (character references decoded). */
  url: string;
  /** Line and column of the link or of its definition (`[id]: /url`), 1-based. */
  place: { line: number; column: number };
}

/** An image written in an article's body. */
export interface ArticleImage {
  /** The source as written. */
  url: string;
  /** The alternative text ('' when missing). */
  alt: string;
  place: { line: number; column: number };
}

/**
 * Store every inline link (`[text](url)`), autolink and link definition (`[id]: url`) in
 * `file.data.links`, and every image in `file.data.images`, in document order. Runs before sanitizing, so
 * unsafe URLs are listed too; it only reports, it changes nothing.
 *
 * @returns
 *   Transform.
 */
export function remarkLinks() {
  return function (tree: Root, file: VFile): undefined {
    const links: ArticleLink[] = [];
    const images: ArticleImage[] = [];
    const walk = (node: Nodes): void => {
      if ((node.type === 'link' || node.type === 'definition') && node.position) {
        const { line, column } = node.position.start;
        links.push({ url: node.url, place: { line, column } });
      }
      if (node.type === 'image' && node.position) {
        const { line, column } = node.position.start;
        images.push({ url: node.url, alt: (node.alt ?? '').trim(), place: { line, column } });
      }
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(tree);
    file.data.links = links;
    file.data.images = images;
  };
}
