import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { articleBody, countWords } from '../../src/cli/bench/article-body.ts';
import { ensureArchive, writeArchive } from '../../src/cli/bench/archive.ts';
import { measure, parseTimeReport } from '../../src/cli/bench/measure.ts';
import { AUTHOR_COUNT, planArchive, TAG_COUNT } from '../../src/cli/bench/plan.ts';
import { createRandom } from '../../src/cli/bench/random.ts';
import { parseStat } from '../../src/cli/bench/process-tree.ts';
import { formatTables, median, summarize } from '../../src/cli/bench/report.ts';
import type { Sample } from '../../src/cli/bench/scenarios.ts';
import { loadContent } from '../../src/content/load.ts';

/** A new temporary folder, removed when the test ends. */
async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'broadsheet-bench-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/**
 * A Node script that starts `child` (a script that prints once it is ready), kills it `afterMs`
 * later and exits at once, without waiting for it: as a build does with its Pagefind processes.
 */
function killsItsChild(child: string, afterMs: number): string {
  return [
    `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}]);`,
    `c.stdout.once('data', () => setTimeout(() => { c.kill('SIGKILL'); process.exit(0); }, ${afterMs}));`,
  ].join(' ');
}

/** Every file under a folder, by relative path, with its text. */
async function readTree(folder: string): Promise<Map<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((item) => item.isFile()).sort((a, b) => a.parentPath.localeCompare(b.parentPath) || a.name.localeCompare(b.name))) {
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, absolute), await readFile(absolute, 'utf8'));
  }
  return files;
}

describe('seeded random numbers', () => {
  it('should give the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });
});

describe('archive generator', () => {
  it('should write the same files for the same seed', async () => {
    const folder = await temporaryFolder();
    await writeArchive(path.join(folder, 'one'), planArchive(30, 'test'));
    await writeArchive(path.join(folder, 'two'), planArchive(30, 'test'));
    const one = await readTree(path.join(folder, 'one'));
    expect(one.size).toBeGreaterThan(30);
    expect(await readTree(path.join(folder, 'two'))).toEqual(one);
  });

  it('should write other articles for another seed', () => {
    const a = planArchive(5, 'a');
    const b = planArchive(5, 'b');
    expect(a.articles.map((article) => article.title)).not.toEqual(b.articles.map((article) => article.title));
  });

  it('should plan a smaller archive as the start of a larger one', () => {
    const small = planArchive(50, 'prefix');
    const large = planArchive(500, 'prefix');
    expect(large.articles.slice(0, 50)).toEqual(small.articles);
  });

  it('should write an archive that Broadsheet loads without a single message', async () => {
    const folder = await temporaryFolder();
    const contentDir = path.join(folder, 'content');
    const { plan } = await ensureArchive(contentDir, { size: 30, seed: 'valid' });
    const { content, files } = await loadContent({ contentDir, cwd: folder });
    expect(files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(content.articles).toHaveLength(30);
    expect(content.pages.map((page) => page.url)).toEqual(['/about/']);
    expect(content.site).toMatchObject({ language: 'en', timezone: 'America/New_York', perPage: 20 });
    // URLs are the ones the generator planned, so links between articles resolve.
    expect(new Set(content.articles.map((article) => article.url))).toEqual(new Set(plan.articles.map((article) => article.url)));
  });

  it('should write the archive only when it is missing', async () => {
    const folder = await temporaryFolder();
    const contentDir = path.join(folder, 'content');
    expect((await ensureArchive(contentDir, { size: 3 })).written).toBe(true);
    expect((await ensureArchive(contentDir, { size: 3 })).written).toBe(false);
    expect((await ensureArchive(contentDir, { size: 4 })).written).toBe(true);
  });

  it('should skew tag use like Zipf: the top tag far more used than the median tag', () => {
    const plan = planArchive(3000, 'zipf');
    const counts = new Map<string, number>();
    for (const article of plan.articles) for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const uses = plan.tags.map((tag) => counts.get(tag) ?? 0);
    expect(plan.tags).toHaveLength(TAG_COUNT);
    expect(Math.max(...uses)).toBeGreaterThan(20 * median(uses));
    expect(plan.articles.every((article) => article.tags.length >= 1 && article.tags.length <= 5)).toBe(true);
  });

  it('should spread articles over 20 years of date-only dates and about 50 bylines', () => {
    const plan = planArchive(2000, 'spread');
    const years = new Set(plan.articles.map((article) => article.date.slice(0, 4)));
    expect(years.size).toBe(20);
    expect(plan.articles.every((article) => /^\d{4}-\d{2}-\d{2}$/.test(article.date))).toBe(true);
    expect(new Set(plan.articles.flatMap((article) => article.authors)).size).toBe(AUTHOR_COUNT);
  });

  it('should write news-like bodies: 600 to 1,500 words, 2 to 4 subheadings, quotes, lists and links', () => {
    const plan = planArchive(200, 'bodies');
    const bodies = plan.articles.map((article) => articleBody(plan, article));
    for (const body of bodies) {
      const words = countWords(body);
      expect(words).toBeGreaterThanOrEqual(600);
      expect(words).toBeLessThanOrEqual(1500);
      const headings = body.match(/^## /gm)?.length ?? 0;
      expect(headings).toBeGreaterThanOrEqual(2);
      expect(headings).toBeLessThanOrEqual(4);
    }
    const share = (pattern: RegExp) => bodies.filter((body) => pattern.test(body)).length / bodies.length;
    expect(share(/^"[^"]+," said /m)).toBeGreaterThan(0.9);
    expect(share(/^- /m)).toBeGreaterThan(0.5);
    expect(share(/\]\(\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/\)/)).toBeGreaterThan(0.5);
    expect(share(/^\| --- \|/m)).toBeGreaterThan(0.02);
    expect(share(/^\| --- \|/m)).toBeLessThan(0.25);
  });
});

describe('benchmark helpers', () => {
  it('should read wall time, CPU time and peak memory from `/usr/bin/time -v`', () => {
    const report = [
      '\tCommand being timed: "node build.js"',
      '\tUser time (seconds): 3.50',
      '\tSystem time (seconds): 0.25',
      '\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50',
      '\tMaximum resident set size (kbytes): 204800',
    ].join('\n');
    expect(parseTimeReport(report)).toEqual({ wallSeconds: 62.5, cpuSeconds: 3.75, maxRssKb: 204800 });
  });

  it('should read the parent and CPU ticks of a `/proc/<pid>/stat` line, whatever the command name holds', () => {
    const line = '4242 (pagefind (ext) x) S 4200 4242 4200 0 -1 4194560 1000 0 0 0 1234 56 0 0 20 0 9 0 100 2000000 500 18446744073709551615';
    expect(parseStat(line)).toEqual({ parent: 4200, ticks: 1290 });
  });

  it.runIf(process.platform === 'linux')('should count the CPU of a child process that was killed and never waited for', async () => {
    // The command starts a child that spins until it has used 1 CPU-s, then idles; once it says so,
    // the command kills it and exits at once, as a build does with its Pagefind processes: GNU time
    // alone never sees the child's CPU.
    const child = "while (process.cpuUsage().user < 1e6); console.log('ready'); setInterval(() => {}, 1000);";
    const result = await measure(process.execPath, ['-e', killsItsChild(child, 400)], { cwd: tmpdir() });
    expect(result.exitCode).toBe(0);
    expect(result.cpuSeconds).toBeGreaterThanOrEqual(0.95);
  });

  it.runIf(process.platform === 'linux')('should add up the memory of the whole process tree, not only its largest process', async () => {
    // 150 MiB in the command and 200 MiB in its child, held at the same time.
    const child = "const held = Buffer.alloc(200 * 2 ** 20, 1); console.log('ready'); setInterval(() => held.length, 1000);";
    const command = `const held = Buffer.alloc(150 * 2 ** 20, 1); ${killsItsChild(child, 600)} setInterval(() => held.length, 1000);`;
    const result = await measure(process.execPath, ['-e', command], { cwd: tmpdir() });
    expect(result.exitCode).toBe(0);
    expect(result.treeRssKb).toBeGreaterThanOrEqual(350 * 1024);
    expect(result.treeRssKb).toBeGreaterThan(result.maxRssKb + 100 * 1024);
  });

  it('should print the Node version and processors with the figures, and the ratios to the stock build', () => {
    const sample = (scenario: Sample['scenario'], wallSeconds: number, cpuSeconds: number): Sample => ({
      scenario, run: 1, wallSeconds, cpuSeconds, maxRssKb: 1024 * 1024, treeRssKb: 1536 * 1024, files: 10, bytes: 2 ** 20, stages: null, method: 'gnu-time', loadAverage: 1,
    });
    const text = formatTables(summarize([sample('broadsheet-cold', 80, 150), sample('baseline-cold', 40, 50)], 1000), 1000, { node: 'v22.1.0', cpus: 2, cpuModel: 'AMD EPYC' });
    expect(text.split('\n')[0]).toContain('Archive: 1,000 articles; Node v22.1.0, 2 cores (AMD EPYC).');
    expect(text).toMatch(/\| Broadsheet, cold \| 1 \| 80\.00 \| 150\.00 \| 13 \| 1,024 \| 1,536 \| .* \| 2\.00× \| 3\.00× \|/);
  });

  it('should take the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
