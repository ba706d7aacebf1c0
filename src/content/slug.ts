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
 * @returns The slug, ASCII where the script can be transliterated; '' when the name has no letters
 *   or digits (an emoji-only tag, say).
 */
export function toSlug(name: string): string {
  // Tags and bylines repeat across thousands of articles: slugify each spelling once.
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = computeSlug(name);
    if (slugs.size > 100_000) slugs.clear();
    slugs.set(name, slug);
  }
  return slug;
}

const slugs = new Map<string, string>();

function computeSlug(name: string): string {
  const ascii = slugify(name.normalize('NFC'), options);
  if (ascii) return ascii;
  // Scripts with no Latin transliteration (北京, Ελλάδα is fine): keep the letters, which browsers
  // show as they are and send percent-encoded.
  return name.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
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
