/**
 * Bylines as old archives wrote them: a name, a list, `{name: …}` records, or one string naming
 * several people ("Ana Ruiz and Li Wei", "A, B & C"), which becomes a list.
 */

/** Words around a comma that belong to the name before it, not a new person ("King, Jr."). */
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md)\.?$/i;

/** "A and B", "A & B", "A, B", "A, B, and C", "A + B". */
const SEPARATOR = /\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|\+)\s+/i;

/** The names read from one byline value. */
export interface Byline {
  names: string[];
  /** Strings that were split into several names, for the report. */
  split: Array<{ written: string; names: string[] }>;
}

/**
 * Read a byline value.
 *
 * @param value `author` or `authors` as written: text, a list, or records with a `name`.
 * @returns The names, trimmed, without a leading "By", in order, each once.
 */
export function readByline(value: unknown): Byline {
  const byline: Byline = { names: [], split: [] };
  const add = (name: string) => {
    if (name && !byline.names.includes(name)) byline.names.push(name);
  };
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const text = nameOf(item);
    if (text === undefined) continue;
    // A list item is one person already; a single string may name several.
    const names = Array.isArray(value) ? [text] : splitNames(text);
    if (names.length > 1) byline.split.push({ written: text, names });
    names.forEach(add);
  }
  return byline;
}

function nameOf(item: unknown): string | undefined {
  if (typeof item === 'string') return item.trim().replace(/^by\s+/i, '');
  if (typeof item === 'number') return String(item);
  if (item && typeof item === 'object' && 'name' in item && typeof item.name === 'string') return item.name.trim();
  return undefined;
}

function splitNames(text: string): string[] {
  const names: string[] = [];
  for (const part of text.split(SEPARATOR).map((name) => name.trim()).filter(Boolean)) {
    if (SUFFIX.test(part) && names.length > 0) names[names.length - 1] += `, ${part}`;
    else names.push(part);
  }
  return names;
}
