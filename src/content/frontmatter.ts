/**
 * Splits a content file into YAML frontmatter and Markdown body with gray-matter, allowing YAML only.
 * gray-matter would run `---js` frontmatter through `eval`; we refuse every other language before
 * gray-matter sees the file, and replace its engines so none can ever run.
 */
import matter from 'gray-matter';
import type { VFile } from 'vfile';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { report } from '../errors/report.ts';
import { FORBIDDEN } from './read.ts';

/** A line and column (1-based) in the source file. */
export interface Place {
  line: number;
  column: number;
}

/** The parts of a content file. */
export interface SplitFile {
  /** The parsed YAML mapping. */
  data: Record<string, unknown>;
  /** Where each key and list item was written, by dotted path (`title`, `tags.1`). */
  places: Map<string, Place>;
  /** The Markdown body, padded with blank lines so its line numbers match the file's. */
  body: string;
}

const FENCE = '---';
const TOO_DEEP = 'Front matter is a short list of `field: value` lines, with at most a list or two inside.';

/**
 * Read the frontmatter of a file, reporting every problem on the file as a message.
 *
 * @param file The content file; `file.value` is its text (BOM removed, `\n` line endings).
 * @returns The split file, or `undefined` when the frontmatter cannot be read.
 */
export function splitFrontmatter(file: VFile): SplitFile | undefined {
  const text = String(file.value);
  const lines = text.split('\n');
  const opening = lines[0] ?? '';
  if (opening.trimEnd() !== FENCE) {
    const language = /^-{3,}\s*([a-z]+)/i.exec(opening)?.[1];
    if (language) {
      report(file, 'frontmatter-language', { line: 1, column: 1 }, language);
    } else {
      report(file, 'frontmatter-missing', { line: 1, column: 1 });
    }
    return undefined;
  }
  const closing = closingFence(lines);
  if (closing === -1) {
    report(file, 'frontmatter-unclosed', { line: 1, column: 1 });
    return undefined;
  }

  // gray-matter ends the block at the first line that merely starts with `---`; such a line inside
  // would silently cut fields off, so it is an error here.
  const inner = lines.slice(1, closing).findIndex((line) => line.startsWith(FENCE));
  if (inner !== -1) {
    report(file, 'frontmatter-yaml', { line: inner + 2, column: 1 }, 'a line inside it starts with `---`', 'Only the opening and closing lines may start with `---`.');
    return undefined;
  }

  const places = new Map<string, Place>();
  let failed = false;
  const parseYaml = (source: string): Record<string, unknown> => {
    // gray-matter hands us the block after the opening fence, so YAML line n is file line n.
    const lineCounter = new LineCounter();
    const document = parseDocument(source, {
      lineCounter,
      schema: 'yaml-1.1', // so `draft: yes` is a boolean and `tags: yes` is caught as one
      // Dates stay text, so we read them in the newsroom's zone rather than as UTC midnight.
      // Merge keys (`<<`) are left out too: they would let one line set fields unseen.
      customTags: (tags) =>
        tags.filter((tag) => (typeof tag === 'string' ? !['timestamp', 'merge'].includes(tag) : !/:(timestamp|merge)$/.test(tag.tag))),
      merge: false,
      uniqueKeys: true,
      prettyErrors: true, // adds line and column to each error
    });
    for (const error of document.errors) {
      const [start] = error.linePos ?? [];
      const place = start ? { line: start.line, column: start.col } : { line: 1, column: 1 };
      failed = true;
      if (/call stack/i.test(error.message)) {
        report(file, 'frontmatter-yaml', place, 'it is nested too deeply', TOO_DEEP);
        break;
      }
      const hint = error.code === 'DUPLICATE_KEY' ? 'Each field may appear only once: remove the repeated one.' : undefined;
      report(file, 'frontmatter-yaml', place, firstLine(error.message).replace(/ at line \d+, column \d+:?$/, ''), ...(hint ? [hint] : []));
    }
    if (failed) return {};
    visit(document, (_key, node) => {
      if ((isAlias(node) || ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor)) && !failed) {
        const range = (node as Node).range;
        const at = lineCounter.linePos(range?.[0] ?? 0);
        report(file, 'frontmatter-alias', { line: at.line, column: at.col });
        failed = true;
        return visit.BREAK;
      }
      return undefined;
    });
    if (failed) return {};
    if (document.contents !== null && !isMap(document.contents)) {
      report(file, 'frontmatter-not-mapping', { line: 2, column: 1 });
      failed = true;
      return {};
    }
    collectPlaces(document.contents, '', lineCounter, places);
    const data = (document.toJS({ maxAliasCount: 0 }) ?? {}) as Record<string, unknown>;
    return cleanStrings(data, '', (path) => report(file, 'control-character', places.get(path) ?? places.get(path.split('.')[0]!), 'an invisible control character')) as Record<string, unknown>;
  };

  const refuse = () => {
    throw new Error('Only YAML frontmatter is allowed');
  };
  let data: Record<string, unknown> = {};
  try {
    // Only the block goes to gray-matter, which looks every input up in its cache by the whole
    // string: with a 1,000-word story that lookup cost more than parsing the YAML.
    const parsed = matter(lines.slice(0, closing + 1).join('\n'), {
      language: 'yaml',
      engines: { yaml: parseYaml, js: refuse, javascript: refuse, coffee: refuse, json: refuse, toml: refuse },
    });
    data = parsed.data;
  } catch (cause) {
    // Deeply nested YAML exhausts the parser's stack: report it like any other bad frontmatter.
    const reason = cause instanceof RangeError ? 'it is nested too deeply' : firstLine(String((cause as Error).message ?? cause));
    if (!failed) report(file, 'frontmatter-yaml', { line: 2, column: 1 }, reason, TOO_DEEP);
    return undefined;
  }
  if (failed) return undefined;
  return { data, places, body: bodyAfter(lines, closing) };
}

/**
 * The body of a file whose frontmatter was read before, as `splitFrontmatter` gives it, without
 * parsing the YAML again.
 *
 * @param text The file's text.
 * @returns The Markdown body, padded with blank lines so its line numbers match the file's.
 */
export function bodyOf(text: string): string {
  const lines = text.split('\n');
  return bodyAfter(lines, closingFence(lines));
}

/** The line that closes the frontmatter block, or -1. */
function closingFence(lines: string[]): number {
  return lines.findIndex((line, index) => index > 0 && line.trimEnd() === FENCE);
}

function bodyAfter(lines: string[], closing: number): string {
  return '\n'.repeat(closing + 1) + lines.slice(closing + 1).join('\n');
}

function collectPlaces(node: unknown, prefix: string, lineCounter: LineCounter, places: Map<string, Place>): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      // Name the key as the parsed data does: an empty or `~` key becomes '', a list key its YAML text.
      const key = pair.key as Node | null;
      const name = key === null || (isScalar(key) && key.value === null) ? '' : isScalar(key) ? String(key.value) : String(key);
      const path = prefix + name;
      const at = lineCounter.linePos(key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0);
      places.set(path, { line: at.line, column: at.col });
      collectPlaces(pair.value, path + '.', lineCounter, places);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const range = (item as Node | null)?.range;
      if (range) {
        const at = lineCounter.linePos(range[0]);
        places.set(prefix + index, { line: at.line, column: at.col });
      }
      collectPlaces(item, `${prefix}${index}.`, lineCounter, places);
    });
  }
}

/** Remove characters pages and feeds cannot carry from every string value (YAML escapes can write them). */
function cleanStrings(value: unknown, path: string, found: (path: string) => void): unknown {
  if (typeof value === 'string') {
    FORBIDDEN.lastIndex = 0;
    if (!FORBIDDEN.test(value)) return value;
    found(path);
    return value.replace(FORBIDDEN, '');
  }
  if (Array.isArray(value)) return value.map((item, index) => cleanStrings(item, path ? `${path}.${index}` : String(index), found));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item, path ? `${path}.${key}` : key, found)]));
  }
  return value;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
