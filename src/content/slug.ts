/**
 * Slugs for URLs: ASCII, lowercase, hyphenated, with accents transliterated (`Łódź` → `lodz`)
 * and dots and apostrophes dropped so `U.S. Military` → `us-military`.
 */
import slugify from '@sindresorhus/slugify';

const options = {
  decamelize: false,
  customReplacements: [
    ['.', ''],
    ["'", ''],
    ['’', ''],
  ] as Array<[string, string]>,
};

/**
 * Make a URL slug from a name.
 *
 * @param name A tag, author name or file name.
 * @returns The slug; '' when the name has no letters or digits (an emoji-only tag, say).
 */
export function toSlug(name: string): string {
  return slugify(name.normalize('NFC'), options);
}

/**
 * The identity of a tag spelling: spellings that differ only in case, spacing or punctuation
 * (`Foreign Policy`, `foreign-policy`) share a key; different letters (`Zoë`, `Zoe`) do not.
 *
 * @param name A tag as written.
 * @returns The comparison key.
 */
export function spellingKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
