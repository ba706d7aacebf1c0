/**
 * Checks that no two files claim the same URL or the same feed identity.
 */
import type { Place } from './frontmatter.ts';
import type { Entry } from './read-entries.ts';
import { report } from '../errors/report.ts';
import type { ArticleFrontmatter } from './schema.ts';

/**
 * Report every group of files that would be published at one URL, on each file of the group.
 * URLs compare case-insensitively and after Unicode normalisation, as file systems and CDNs may.
 *
 * @param claims Each file and the URL it wants.
 */
export function checkUniqueUrls(claims: ReadonlyArray<{ entry: Entry<unknown>; url: string; place?: Place | undefined }>): void {
  for (const [url, group] of groupBy(claims, (claim) => claim.url.normalize('NFC').toLowerCase())) {
    if (group.length < 2) continue;
    const files = group.map((claim) => `\`${claim.entry.file.path}\``).join(', ');
    for (const { entry, place } of group) report(entry.file, 'duplicate-url', place ?? entry.places.get('slug') ?? { line: 1, column: 1 }, url, files);
  }
}

/**
 * Report articles that share an `id`, which would give feed readers one story for two.
 *
 * @param entries Validated articles.
 */
export function checkUniqueIds(entries: ReadonlyArray<Entry<ArticleFrontmatter>>): void {
  const withId = entries.filter((entry) => entry.data.id !== undefined);
  for (const [id, group] of groupBy(withId, (entry) => entry.data.id!)) {
    if (group.length < 2) continue;
    const files = group.map((entry) => `\`${entry.file.path}\``).join(', ');
    for (const entry of group) report(entry.file, 'duplicate-id', entry.places.get('id'), id, files);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
