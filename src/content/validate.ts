/**
 * Turns schema issues into messages on the file, placed on the line of the offending YAML key.
 */
import type { VFile } from 'vfile';
import { z } from 'zod';
import { report } from '../errors/report.ts';
import type { Place } from './frontmatter.ts';

/**
 * Check frontmatter against a schema, reporting one message per problem.
 *
 * @param schema A strict zod object schema.
 * @param data The parsed YAML mapping.
 * @param places Where each key was written (from `splitFrontmatter`).
 * @param file The file to put messages on.
 * @returns The validated data, or `undefined` when it has errors.
 */
export function validateFrontmatter<Schema extends z.ZodObject>(
  schema: Schema,
  data: Record<string, unknown>,
  places: ReadonlyMap<string, Place>,
  file: VFile,
): z.output<Schema> | undefined {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const known = Object.keys(schema.shape);
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Unknown keys may sit inside a nested object (a correction, say): look up that object's fields.
      const fields = issue.path.length ? knownFieldsAt(schema, issue.path) : known;
      for (const key of issue.keys) {
        const place = places.get([...issue.path, key].join('.')) ?? nearestPlace(issue.path, places) ?? { line: 2, column: 1 };
        report(file, 'unknown-field', place, key, closest(key, fields) ?? '', fields.map((k) => `\`${k}\``).join(', '));
      }
      continue;
    }
    const path = issue.path.join('.');
    const place = nearestPlace(issue.path, places) ?? { line: 1, column: 1 };
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const reason = missing ? 'This field is required but missing' : explain(issue);
    report(file, 'invalid-field', place, path || 'front matter', reason);
  }
  return undefined;
}

function explain(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/\.$/, '');
  if (issue.code === 'invalid_type' && issue.input !== undefined) {
    return `${message}, not \`${JSON.stringify(issue.input)}\``;
  }
  return message;
}

/** The field names of the object schema at a path (through defaults, optionals, pipes and arrays). */
function knownFieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = (node: unknown): unknown => {
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return node;
    if (def.innerType) return unwrap(def.innerType);
    if (def.type === 'pipe') return unwrap(def.in);
    return node;
  };
  for (const step of path) {
    current = unwrap(current);
    const def = (current as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'array') current = def.element;
    else if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(step)];
    else return [];
  }
  const object = unwrap(current) as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } };
  return object._zod?.def?.type === 'object' ? Object.keys(object._zod.def.shape ?? {}) : [];
}

/** The place of the deepest written part of a path (`tags.1`, else `tags`). */
function nearestPlace(path: readonly PropertyKey[], places: ReadonlyMap<string, Place>): Place | undefined {
  for (let length = path.length; length > 0; length--) {
    const place = places.get(path.slice(0, length).join('.'));
    if (place) return place;
  }
  return undefined;
}

/** The known key within two edits of a typo, if any (`tittle` → `title`). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
