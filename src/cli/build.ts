/**
 * `npm run build`: builds the site into a fresh folder next to `_site/` and swaps it in only when
 * every stage succeeded, so a failed build leaves the published site exactly as it was.
 */
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';

/** Options for `buildSite`. */
export interface Options {
  /** Project folder holding `.eleventy.js`, `content/` and `public/` (default: `process.cwd()`). */
  root?: string;
  /** Output folder, relative to `root` (default: `'_site'`). */
  output?: string;
  /** Runs after Eleventy wrote the staging folder and before the swap; a throw aborts the build. */
  beforeSwap?: (stagingDir: string) => Promise<void>;
}

/** What a successful build wrote. */
export interface BuildResult {
  outputDir: string;
  /** Pages written by templates. */
  pages: number;
  /** Static files copied from `public/`. */
  copied: number;
  seconds: number;
}

/**
 * Build the site atomically.
 *
 * @param options Where the project is and where the site goes.
 * @returns What was written.
 * @throws When any stage fails; the output folder is then untouched and the staging folder removed.
 */
export async function buildSite(options: Options = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = path.resolve(options.root ?? process.cwd());
  const outputDir = path.resolve(root, options.output ?? '_site');
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  await removeLeftovers(parent, base);

  const staging = await mkdtemp(path.join(parent, `${base}.tmp-`));
  try {
    const previousCwd = process.cwd();
    process.chdir(root); // Eleventy resolves its folders against the working directory
    let results;
    try {
      const eleventy = new Eleventy('content', staging, { quietMode: true, configPath: path.join(root, '.eleventy.js') });
      results = await eleventy.write();
    } finally {
      process.chdir(previousCwd);
    }
    await options.beforeSwap?.(staging);
    await swap(staging, outputDir);
    const [copied, templates] = results as [Array<{ count?: number }>, unknown[]];
    return {
      outputDir,
      pages: templates.length,
      copied: copied.reduce((sum, entry) => sum + (entry.count ?? 0), 0),
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Put `staging` where `target` is, keeping the old folder until the new one is in place. */
async function swap(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  let hadOld = true;
  try {
    await rename(target, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadOld = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadOld) await rename(old, target);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/** Staging folders left by a build that was killed part-way. */
async function removeLeftovers(parent: string, base: string): Promise<void> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(`${base}.tmp-`) || name.startsWith(`${base}.old-`));
  await Promise.all(stale.map((name) => rm(path.join(parent, name), { recursive: true, force: true })));
}

async function main(): Promise<void> {
  try {
    const result = await buildSite();
    const where = path.relative(process.cwd(), result.outputDir) || result.outputDir;
    console.log(`Built ${result.pages} pages and copied ${result.copied} files into ${where}/ in ${result.seconds.toFixed(1)} s.`);
    console.log('Preview it with `npm start` (http://localhost:8080/), which also rebuilds as you edit.');
  } catch (error) {
    // Eleventy has already printed the details (every file and line); add what it means for the site.
    if (!(error instanceof Error && /content has errors/.test(error.message))) console.error(error);
    console.error('\nThe build failed, so the site in _site/ was left as it was.');
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
