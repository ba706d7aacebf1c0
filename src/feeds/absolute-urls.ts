/**
 * Feed readers show content away from the site, so links in it must be absolute.
 */

/**
 * Rewrite site-relative `href` and `src` attributes (and in-page `#fragments`) to absolute URLs.
 * The HTML comes from our own serializer, which always writes attributes as `name="value"`.
 *
 * @param html Sanitized article HTML.
 * @param pageUrl Absolute URL of the article, for fragments and relative paths.
 * @returns The same HTML with absolute links.
 */
export function absolutizeUrls(html: string, pageUrl: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, name: string, value: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return whole;
    try {
      const decoded = value.replace(/&amp;/g, '&');
      return `${name}="${new URL(decoded, pageUrl).href.replace(/&/g, '&amp;')}"`;
    } catch {
      return whole;
    }
  });
}
