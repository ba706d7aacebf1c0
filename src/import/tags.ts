/**
 * Tags and categories as old archives wrote them: lists, or strings that Jekyll splits on spaces
 * and hand-written front matter often separates with commas.
 */
import { spellingKey } from '../content/slug.ts';

/** How a string value names several tags: Jekyll's spaces, commas, or not at all (one tag). */
export type Split = 'space' | 'comma' | 'none';

/**
 * Read one tag or category field.
 *
 * @param value The field as written.
 * @param split How a single string separates several tags.
 * @param rejected Receives the items that are not text, such as `true` from YAML's `yes` (default: none).
 * @returns The tags, trimmed, empty ones left out.
 */
export function readTags(value: unknown, split: Split, rejected: unknown[] = []): string[] {
  const items = Array.isArray(value) ? value : [value];
  const tags: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') {
      if (item !== null && item !== undefined) rejected.push(item);
      continue;
    }
    const text = String(item).trim();
    // Only a whole-string value is split: a list item is one tag already.
    if (Array.isArray(value) || split === 'none') tags.push(text);
    else tags.push(...text.split(split === 'space' ? /\s+/ : /\s*,\s*/));
  }
  return tags.filter(Boolean);
}

/**
 * Merge tag lists, keeping the first spelling of tags that share a topic page (`Foreign Policy`,
 * `foreign-policy`).
 *
 * @param lists Tags from each field, in order of preference.
 * @returns One list, each topic once.
 */
export function mergeTags(lists: ReadonlyArray<readonly string[]>): string[] {
  const seen = new Map<string, string>();
  for (const tag of lists.flat()) {
    const key = spellingKey(tag) || tag;
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}
