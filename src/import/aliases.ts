/**
 * Old URLs as site-relative paths (`/2024/03/05/budget.html`), so the new site can redirect them:
 * from `aliases`, `redirect_from`, `permalink` or `url` fields, or computed from the old site's
 * URL pattern.
 */
import { OLD_PATH_PATTERN } from '../content/schema.ts';
import { finding, preview } from './messages.ts';
import type { Finding } from './model.ts';

/**
 * Turn an old URL as written into a site-relative path.
 *
 * @param value An absolute URL, a path, or a path relative to `base`.
 * @param base The folder a relative path is relative to, such as `/posts/` (default: `/`).
 * @returns The path with a leading `/`, without query or fragment, percent-encoded as a browser asks
 *   for it; or why Broadsheet's `aliases` cannot hold it.
 */
export function sitePath(value: unknown, base = '/'): { path: string } | { error: string } {
  if (typeof value !== 'string' || !value.trim()) return { error: 'it is not text' };
  let text = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) {
    try {
      const url = new URL(text, 'https://old.invalid');
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'it is not a web address' };
      text = url.pathname;
    } catch {
      return { error: 'it is not a web address' };
    }
  }
  text = text.replace(/[?#].*$/, '');
  if (!text.startsWith('/')) text = base.replace(/\/?$/, '/') + text;
  try {
    text = decodeURI(text);
  } catch {
    // Keep a path with a stray `%` as written.
  }
  text = text.normalize('NFC').replace(/\/{2,}/g, '/');
  if (/(^|\/)\.\.?(\/|$)/.test(text)) return { error: 'it contains `.` or `..` segments' };
  if (/:/.test(text)) return { error: 'a `:placeholder` in the URL pattern could not be filled in' };
  // As a browser asks for it: letters outside ASCII percent-encoded.
  const encoded = encodeURI(text);
  if (!OLD_PATH_PATTERN.test(encoded)) return { error: `Broadsheet's \`aliases\` take only the characters \`A-Z a-z 0-9 . _ ~ -\` and \`/\`, and \`${encoded}\` has others` };
  return { path: encoded };
}

/**
 * Fill a URL pattern's `:placeholders`.
 *
 * @param pattern Such as `/:categories/:year/:month/:day/:title:output_ext`.
 * @param values The value of each placeholder; an unknown one is left, and makes `sitePath` refuse it.
 * @returns The path, with empty segments collapsed.
 */
export function fillPattern(pattern: string, values: Readonly<Record<string, string>>): string {
  // Longest names first, so `:slugorfilename` is not read as `:slug` + `orfilename`.
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  const placeholder = new RegExp(`:(${names.join('|')})`, 'g');
  return pattern.replace(placeholder, (_, name: string) => values[name]!).replace(/\/{2,}/g, '/');
}

/**
 * Collect the old URLs of a post.
 *
 * @param candidates Each old URL as written, with the line of its field and the folder it is relative to.
 * @param newUrl The post's address on the new site, which needs no redirect.
 * @returns The paths, each once, and a finding for each one dropped.
 */
export function collectAliases(
  candidates: ReadonlyArray<{ value: unknown; line?: number | undefined; base?: string }>,
  newUrl: string,
): { aliases: string[]; findings: Finding[] } {
  const aliases: string[] = [];
  const findings: Finding[] = [];
  for (const { value, line, base } of candidates) {
    const result = sitePath(value, base);
    if ('error' in result) findings.push(finding('alias-dropped', line, preview(value), result.error));
    else if (result.path !== newUrl && !aliases.includes(result.path)) aliases.push(result.path);
  }
  return { aliases, findings };
}
