/**
 * Whether two values hold the same data, without serializing them: the dev server compares each
 * article with its previous rebuild's, most of whose parts are the very same objects.
 */

/**
 * Compare own enumerable data, as JSON would see it (a `Date` by its time). Conservative: a
 * property set to `undefined` on one side only counts as a difference.
 *
 * @param a One value.
 * @param b The other.
 * @returns `true` when both hold the same data.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameData(item, b[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
