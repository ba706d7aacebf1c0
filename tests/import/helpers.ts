/**
 * Runs the importer on a fixture archive into a fresh working folder (with a `content/site.yaml`),
 * and reads back what it wrote.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadContent } from '../../src/content/load.ts';
import { importArchive, type ImportResult, type Options } from '../../src/import/import-archive.ts';
import { SITE_YAML } from '../helpers/content.ts';

/** `tests/fixtures/import/`. */
export const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** A working folder: `cwd`, with `content/site.yaml`; `cleanup` removes it. */
export interface Workspace {
  cwd: string;
  cleanup: () => Promise<void>;
}

/**
 * Make a working folder with the site settings of `tests/helpers/content.ts`.
 *
 * @returns The folder.
 */
export async function workspace(): Promise<Workspace> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'broadsheet-import-'));
  await mkdir(path.join(cwd, 'content'), { recursive: true });
  await writeFile(path.join(cwd, 'content', 'site.yaml'), SITE_YAML);
  return { cwd, cleanup: () => rm(cwd, { recursive: true, force: true }) };
}

/** An imported article, read back. */
export interface Written {
  /** The frontmatter, parsed as Broadsheet parses it (YAML 1.1, dates as text). */
  data: Record<string, unknown>;
  body: string;
  text: string;
}

/**
 * Import a fixture archive into a new working folder.
 *
 * @param name Folder under `tests/fixtures/import/`, or an absolute path.
 * @param options More options for `importArchive`.
 * @returns The result, the working folder, and a reader for the articles by source path.
 */
export async function importFixture(name: string, options: Partial<Options> = {}) {
  const space = await workspace();
  const result = await importArchive({ source: path.resolve(fixtures, name), cwd: space.cwd, ...options });
  return { ...space, result, read: (source: string) => readImported(space.cwd, result, source) };
}

/**
 * Read the article a source post became.
 *
 * @param cwd The working folder.
 * @param result The import's result.
 * @param source The post's path below the archive folder.
 * @returns The article; the test fails when the post was not written.
 */
export async function readImported(cwd: string, result: ImportResult, source: string): Promise<Written> {
  const post = result.posts.find((candidate) => candidate.source === source);
  if (!post?.output) throw new Error(`\`${source}\` was not written: ${JSON.stringify(post)}`);
  const text = await readFile(path.join(cwd, post.output), 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(text) ?? [];
  const noTimestamps = { customTags: (tags: unknown[]) => tags.filter((tag) => tag !== 'timestamp' && !(typeof tag === 'object' && (tag as { tag: string }).tag.endsWith(':timestamp'))) };
  const data = parseDocument(yaml, { schema: 'yaml-1.1', ...(noTimestamps as object) }).toJS() as Record<string, unknown>;
  return { data, body, text };
}

/**
 * Load the working folder's content as the build does (drafts included, no render cache).
 *
 * @param cwd The working folder.
 * @returns What `loadContent` returns; it throws a `ContentError` when any article is invalid.
 */
export function loadImported(cwd: string) {
  return loadContent({ cwd, includeDrafts: true, cacheDir: false });
}

/**
 * Hash every file below a folder, to prove an import changed none of them.
 *
 * @param folder The folder.
 * @returns SHA-256 by path.
 */
export async function hashTree(folder: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(folder, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return hashes;
}

/**
 * The findings on one post, as `ruleId@line`, for compact assertions.
 *
 * @param result The import's result.
 * @param source The post's path below the archive folder.
 * @returns One string per finding.
 */
export function findingsOn(result: ImportResult, source: string): string[] {
  const post = result.posts.find((candidate) => candidate.source === source);
  if (!post) throw new Error(`No post \`${source}\`; posts: ${result.posts.map((p) => p.source).join(', ')}`);
  return post.findings.map((item) => `${item.ruleId}@${item.line ?? '-'}`);
}
