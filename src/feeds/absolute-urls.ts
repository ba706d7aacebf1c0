/**
 * Feed readers show content away from the site, so links in it must be absolute.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

const URL_ATTRIBUTES = ['href', 'src'] as const;

/**
 * Rewrite site-relative `href` and `src` attributes (and in-page `#fragments`) to absolute URLs.
 * The HTML is parsed, so text that merely looks like an attribute (a code sample) is left alone.
 *
 * @param html Sanitized article HTML.
 * @param pageUrl Absolute URL of the article, for fragments and relative paths.
 * @returns The same HTML with absolute links.
 */
export function absolutizeUrls(html: string, pageUrl: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.properties[name];
      if (typeof value !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue;
      try {
        node.properties[name] = new URL(value, pageUrl).href;
      } catch {
        // Not a URL we can resolve: leave it as written.
      }
    }
  });
  return toHtml(tree);
}
