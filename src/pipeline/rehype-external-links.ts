/**
 * rehype plugin that marks links to other sites with `rel="noopener noreferrer"`.
 */
import type { Element, Root } from 'hast';

/** Configuration for {@link rehypeExternalLinks}. */
export interface Options {
  /**
   * Host names of this site (such as `'news.example.com'`); absolute links to them are not
   * external (default: `[]`).
   */
  internalHosts?: ReadonlyArray<string>;
}

const emptyOptions: Options = {};

// Relative links resolve against this reserved host, so they never count as external.
const base = 'https://broadsheet.invalid/';
const baseOrigin = new URL(base).origin;

/**
 * Whether a link points to another site: it resolves to an `http:` or `https:` URL whose
 * host is neither this page's nor one of `internalHosts`. Resolving the URL, rather than
 * testing for `http://`, `https://` or `//`, also catches forms browsers accept, such as
 * `HTTPS://…`, `https:/host` and `/\host`.
 *
 * @param href
 *   A link's `href`.
 * @param internalHosts
 *   Host names of this site, as `URL#hostname` writes them (default: `[]`).
 * @returns
 *   `true` for an external link.
 */
export function isExternal(href: string, internalHosts: ReadonlyArray<string> = []): boolean {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.origin !== baseOrigin && !internalHosts.includes(url.hostname);
}

/**
 * Add `rel="noopener noreferrer"` to every `<a>` whose `href` is external (see
 * {@link isExternal}). Runs after rehype-sanitize, which drops any `rel` an editor wrote.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export function rehypeExternalLinks(options?: Options) {
  const internalHosts = ((options ?? emptyOptions).internalHosts ?? []).map(toHostname);
  return function (tree: Root): undefined {
    // A plain loop: `unist-util-visit` costs a hundred times more on a whole article.
    const walk = (parent: Root | Element): void => {
      for (const node of parent.children) {
        if (node.type !== 'element') continue;
        const href = node.properties.href;
        if (node.tagName === 'a' && typeof href === 'string' && isExternal(href, internalHosts)) {
          node.properties.rel = ['noopener', 'noreferrer'];
        }
        walk(node);
      }
    };
    walk(tree);
  };
}

/**
 * Normalise a configured host name the way `URL` does (lowercase, punycode).
 *
 * @param host
 *   Host name from the options.
 * @returns
 *   Normalised host name.
 */
function toHostname(host: string): string {
  let cause: unknown;
  // A scheme, port, path or user name means someone passed a URL, not a host name.
  if (!/[/?#@:\\]/.test(host)) {
    try {
      return new URL(`https://${host}/`).hostname;
    } catch (error) {
      cause = error;
    }
  }
  throw new Error(`Expected \`internalHosts\` to hold host names such as \`news.example.com\`, not \`${host}\`.`, {
    cause,
  });
}
