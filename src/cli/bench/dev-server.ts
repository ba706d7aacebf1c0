/**
 * The dev-server scenario: `npm start`'s Eleventy server on the generated archive, one article
 * saved several times, and the seconds from each save until the server returns the page with the
 * new text.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE_FLAGS } from '../node-flags.ts';

/** What the scenario measured. */
export interface DevServerResult {
  /** Seconds from starting the server to its first build being served. */
  startSeconds: number;
  /** Seconds from each save to the fresh page, in order. */
  freshSeconds: number[];
}

/** Where the scenario works. */
export interface DevServerSpace {
  /** Project root. */
  root: string;
  contentDir: string;
  /** A folder of its own for the config and the output. */
  workDir: string;
  /** The article to save, and its site-relative URL. */
  article: string;
  url: string;
}

const SAVES = 5;
const TIMEOUT_MS = 10 * 60_000;

/**
 * Measure the dev server.
 *
 * @param space The folders and the article.
 * @returns Start-up time and one figure per save.
 */
export async function measureDevServer(space: DevServerSpace): Promise<DevServerResult> {
  await rm(space.workDir, { recursive: true, force: true });
  await mkdir(space.workDir, { recursive: true });
  const config = path.join(space.workDir, 'eleventy.config.mjs');
  const plugin = pathToFileURL(path.join(space.root, 'src', 'eleventy', 'plugin.ts')).href;
  await writeFile(
    config,
    [
      `import { register } from 'tsx/esm/api';`,
      `register();`,
      `const { broadsheetPlugin, eleventyOptions } = await import(${JSON.stringify(plugin)});`,
      `export default function (eleventyConfig) {`,
      // The archive lives in the git-ignored .cache/, which Eleventy would otherwise not watch.
      `  eleventyConfig.setUseGitIgnore(false);`,
      `  eleventyConfig.addPlugin(broadsheetPlugin, { contentDir: ${JSON.stringify(space.contentDir)}, publicDir: ${JSON.stringify(path.join(space.root, 'public'))}, preview: true });`,
      `}`,
      `export const config = { ...eleventyOptions, dir: { ...eleventyOptions.dir, output: ${JSON.stringify(path.join(space.workDir, 'site'))} } };`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, [...NODE_FLAGS, path.join(space.root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--serve', `--port=${port}`, `--config=${config}`], {
    cwd: space.root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const original = await readFile(space.article, 'utf8');
  try {
    await until(() => /Server at/.test(log), () => `The dev server did not start:\n${log.slice(-2000)}`);
    const pageUrl = `http://localhost:${port}${space.url}`;
    await until(async () => (await fetch(pageUrl)).ok, () => `The dev server does not serve ${space.url}`);
    const startSeconds = (performance.now() - started) / 1000;
    const freshSeconds: number[] = [];
    for (let save = 1; save <= SAVES; save++) {
      const marker = `The benchmark saved this article, time ${save}.`;
      const saved = performance.now();
      await writeFile(space.article, original.replace(/\n*$/, `\n\n${marker}\n`));
      await until(async () => (await (await fetch(pageUrl)).text()).includes(marker), () => `The page never showed save ${save}:\n${log.slice(-2000)}`);
      freshSeconds.push((performance.now() - saved) / 1000);
      // Let the server finish its rebuild before the next save.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    return { startSeconds, freshSeconds };
  } finally {
    await writeFile(space.article, original);
    server.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

async function until(check: () => boolean | Promise<boolean>, failure: () => string): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (!(await Promise.resolve(check()).catch(() => false))) {
    if (performance.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The scenario as Markdown.
 *
 * @param result What `measureDevServer` measured.
 * @returns A short table.
 */
export function formatDevServer(result: DevServerResult): string {
  const fresh = [...result.freshSeconds].sort((a, b) => a - b);
  const median = fresh[Math.floor(fresh.length / 2)] ?? Number.NaN;
  return [
    '',
    '| Dev server (`npm start`) | seconds |',
    '| --- | ---: |',
    `| first build, until the page is served | ${result.startSeconds.toFixed(1)} |`,
    `| save → fresh page (median of ${fresh.length}) | ${median.toFixed(2)} |`,
    `| save → fresh page, each | ${result.freshSeconds.map((seconds) => seconds.toFixed(2)).join(', ')} |`,
  ].join('\n');
}
