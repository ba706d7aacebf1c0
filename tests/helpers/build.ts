/**
 * Builds fixture archives from `tests/sites/<case>/` into throw-away folders and reads the result
 * back: HTML through cheerio, XML through cheerio in XML mode, every file as bytes.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { load, type CheerioAPI } from 'cheerio';
import { buildSite, type BuildResult, type Options as BuildOptions } from '../../src/cli/build.ts';
import { ContentError } from '../../src/errors/report.ts';

/** The repository root (where `package.json` is). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The folders of a fixture archive.
 *
 * @param name Folder under `tests/sites/`, such as `basic`.
 * @returns Absolute `content/` and `public/` paths.
 */
export function fixture(name: string): { contentDir: string; publicDir: string } {
  const root = path.join(repoRoot, 'tests', 'sites', name);
  return { contentDir: path.join(root, 'content'), publicDir: path.join(root, 'public') };
}

/**
 * A fresh empty folder in the system temp folder.
 *
 * @param label Part of the folder name, to tell leftovers apart.
 * @returns Its absolute path.
 */
export function tempDir(label: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `broadsheet-${label}-`));
}

/**
 * Copy a fixture's `content/` and `public/` into a temp folder, for tests that edit content.
 *
 * @param name Fixture name.
 * @returns The copy's folders and the temp root (remove it when done).
 */
export async function copyFixture(name: string): Promise<{ root: string; contentDir: string; publicDir: string }> {
  const root = await tempDir(`${name}-copy`);
  const source = fixture(name);
  const contentDir = path.join(root, 'content');
  const publicDir = path.join(root, 'public');
  await cp(source.contentDir, contentDir, { recursive: true });
  await cp(source.publicDir, publicDir, { recursive: true });
  return { root, contentDir, publicDir };
}

/** A built site, with readers for its files. */
export interface BuiltSite {
  /** The temp folder that holds `outputDir`; remove it with `cleanup`. */
  root: string;
  outputDir: string;
  result: BuildResult;
  /** Parse the page at a site URL (`/`, `/tags/x/`, `/404.html`). */
  html(url: string): Promise<CheerioAPI>;
  /** Parse an XML file at a site URL (`/feed.xml`). */
  xml(url: string): Promise<CheerioAPI>;
  /** Every output file as a site URL path (`/index.html`, `/feed.xml`), sorted. */
  files(): Promise<string[]>;
  cleanup(): Promise<void>;
}

/**
 * Build a fixture archive (or any content folder) into `<temp>/site`.
 *
 * @param name Fixture name under `tests/sites/`.
 * @param options Overrides for `buildSite` (another content folder, an existing output folder, a hook).
 * @returns The built site.
 */
export async function buildFixture(name: string, options: BuildOptions = {}): Promise<BuiltSite> {
  const root = options.outputDir ? path.dirname(options.outputDir) : await tempDir(name);
  const outputDir = options.outputDir ?? path.join(root, 'site');
  const result = await buildSite({ ...fixture(name), ...options, outputDir });
  return siteAt(outputDir, result, root);
}

/**
 * Readers for an output folder.
 *
 * @param outputDir The built site.
 * @param result What `buildSite` returned.
 * @param root The temp folder to remove on cleanup.
 * @returns The readers.
 */
export function siteAt(outputDir: string, result: BuildResult, root: string): BuiltSite {
  return {
    root,
    outputDir,
    result,
    html: async (url) => load(await readFile(fileForUrl(outputDir, url), 'utf8')),
    xml: async (url) => load(await readFile(fileForUrl(outputDir, url), 'utf8'), { xml: true }),
    files: async () => (await listFiles(outputDir)).map((file) => `/${file}`),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * The file a static server would send for a site URL.
 *
 * @param outputDir The built site.
 * @param url Site-relative URL; a trailing `/` means its `index.html`.
 * @returns Absolute file path.
 */
export function fileForUrl(outputDir: string, url: string): string {
  const clean = decodeURIComponent(url.split(/[?#]/)[0]!);
  return path.join(outputDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/**
 * Every file below a folder, relative to it with `/` separators, sorted.
 *
 * @param dir The folder.
 * @returns Relative paths.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Every file below a folder with its bytes, to compare whole trees.
 *
 * @param dir The folder.
 * @returns Relative path → content.
 */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const tree = new Map<string, Buffer>();
  for (const file of await listFiles(dir)) tree.set(file, await readFile(path.join(dir, file)));
  return tree;
}

/**
 * The `ContentError` somewhere in an error's chain (Eleventy wraps what the plugin throws).
 *
 * @param error What a failed build rejected with.
 * @returns The content error, if any.
 */
export function findContentError(error: unknown): ContentError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    if (current instanceof ContentError) return current;
    seen.add(current);
    const link = current as { originalError?: unknown; cause?: unknown };
    current = link.originalError ?? link.cause;
  }
  return undefined;
}

const run = promisify(execFile);

/**
 * Build in a separate Node.js process, with its own environment (a different `TZ`, say).
 *
 * @param options Absolute folders for `buildSite`.
 * @param env Extra environment variables for the child.
 * @returns What the child printed.
 */
export async function buildInChildProcess(
  options: { contentDir: string; publicDir: string; outputDir: string },
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  const script = `
    const { buildSite } = await import(${JSON.stringify(path.join(repoRoot, 'src/cli/build.ts'))});
    await buildSite(${JSON.stringify(options)});
  `;
  return run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}
