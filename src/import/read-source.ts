/**
 * Reads one source post, read-only, and splits it into front matter and body. YAML (`---`) and
 * TOML (`+++`) front matter are read; dates stay text so nothing is shifted to UTC on the way.
 */
import { lstat, readFile } from 'node:fs/promises';
import { parse as parseToml, TomlError } from 'smol-toml';
import { isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { MAX_FILE_BYTES } from '../content/read.ts';
import { finding } from './messages.ts';
import type { Finding, SourcePost } from './model.ts';

/** A post read, or the reason it cannot be. */
export type ReadOutcome = { post: SourcePost } | { failure: Finding };

/**
 * Read a post without changing it.
 *
 * @param absolute The file.
 * @param relative Its path below the archive folder, for the report.
 * @returns The split post, or why it could not be read.
 */
export async function readSourcePost(absolute: string, relative: string): Promise<ReadOutcome> {
  const stats = await lstat(absolute);
  if (stats.isSymbolicLink()) return { failure: finding('symlink', undefined) };
  if (stats.size > MAX_FILE_BYTES) return { failure: finding('too-large', undefined, '1 MiB') };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(absolute, { flag: 'r' }));
  } catch {
    return { failure: finding('encoding', undefined) };
  }
  return splitSource(text.replace(/\r\n?/g, '\n'), absolute, relative);
}

/**
 * Split the text of a post.
 *
 * @param text The file's text (`\n` line endings, BOM removed).
 * @param absolute The file, for the result.
 * @param relative Its path below the archive folder.
 * @returns The split post, or why its front matter cannot be read.
 */
export function splitSource(text: string, absolute: string, relative: string): ReadOutcome {
  const lines = text.split('\n');
  const opening = lines[0]!.trimEnd();
  const empty = { absolute, relative, data: {}, lines: new Map<string, number>(), body: text, bodyLine: 1 };
  if (opening.startsWith('{')) return { failure: finding('frontmatter-json', 1) };
  if (opening !== '---' && opening !== '+++') return { post: empty };
  const yaml = opening === '---';
  // YAML may also end with `...` (a YAML document end marker, which Jekyll accepts).
  const closing = lines.findIndex((line, index) => index > 0 && (line.trimEnd() === opening || (yaml && line.trimEnd() === '...')));
  if (closing === -1) return { failure: finding('frontmatter-unclosed', 1, opening) };
  const block = lines.slice(1, closing).join('\n');
  const parsed = yaml ? parseYamlBlock(block) : parseTomlBlock(block);
  if ('failure' in parsed) return parsed;
  return {
    post: {
      absolute,
      relative,
      data: parsed.data,
      lines: parsed.lines,
      body: lines.slice(closing + 1).join('\n'),
      bodyLine: closing + 2,
    },
  };
}

type Parsed = { data: Record<string, unknown>; lines: Map<string, number> } | { failure: Finding };

/** YAML 1.1, as Jekyll and Hugo read it (`published: no` is false), with dates kept as text. */
function parseYamlBlock(block: string): Parsed {
  const lineCounter = new LineCounter();
  const document = parseDocument(block, {
    lineCounter,
    schema: 'yaml-1.1',
    customTags: (tags) => tags.filter((tag) => tag !== 'timestamp' && !(typeof tag === 'object' && tag.tag.endsWith(':timestamp'))),
    uniqueKeys: true,
    merge: true,
    prettyErrors: true,
  });
  const [error] = document.errors;
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + 1;
    return { failure: finding('frontmatter-unparseable', line, 'YAML', error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')) };
  }
  if (document.contents !== null && !isMap(document.contents)) {
    return { failure: finding('frontmatter-unparseable', 2, 'YAML', 'it is not a list of `field: value` lines') };
  }
  const lines = new Map<string, number>();
  for (const pair of document.contents?.items ?? []) {
    if (isPair(pair) && isScalar(pair.key)) lines.set(String(pair.key.value), lineCounter.linePos(pair.key.range?.[0] ?? 0).line + 1);
  }
  try {
    // Aliases are resolved: the output is written out in full, without them.
    return { data: (document.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>, lines };
  } catch (cause) {
    return { failure: finding('frontmatter-unparseable', 2, 'YAML', (cause as Error).message.split('\n')[0]!) };
  }
}

function parseTomlBlock(block: string): Parsed {
  let data: Record<string, unknown>;
  try {
    data = parseToml(block) as Record<string, unknown>;
  } catch (cause) {
    const line = cause instanceof TomlError ? cause.line + 1 : 2;
    const reason = (cause as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    return { failure: finding('frontmatter-unparseable', line, 'TOML', reason) };
  }
  // smol-toml keeps no positions: find each top-level key (or table) by its line.
  const lines = new Map<string, number>();
  let inTable = false;
  block.split('\n').forEach((text, index) => {
    const key = /^\s*(\[+\s*)?(?:"([^"]+)"|'([^']+)'|([\w-]+))\s*[=.\]]/.exec(text);
    if (!key) return;
    // After the first `[table]` header, plain keys belong to that table.
    if (key[1]) inTable = true;
    else if (inTable) return;
    const name = key[2] ?? key[3] ?? key[4]!;
    if (name in data && !lines.has(name)) lines.set(name, index + 2);
  });
  return { data, lines };
}
