/**
 * The measured scenarios: Broadsheet cold, warm and after one edit, and stock Eleventy cold,
 * each in its own child process.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countOutput, measure, type Measurement } from './measure.ts';
import { NODE_FLAGS } from '../node-flags.ts';

/** Which build a sample is of. */
export type Scenario = 'broadsheet-cold' | 'broadsheet-warm' | 'broadsheet-edit' | 'baseline-cold';

/** One measured build. */
export interface Sample {
  scenario: Scenario;
  run: number;
  wallSeconds: number;
  cpuSeconds: number | null;
  maxRssKb: number;
  /** Peak RSS of the whole process tree (the build with its Pagefind processes), sampled; `null` without `/proc`. */
  treeRssKb: number | null;
  files: number;
  bytes: number;
  /** Broadsheet's `[broadsheet:timing]` stages in seconds, when the build printed them. */
  stages: Record<string, number> | null;
  method: Measurement['method'];
  /** One-minute load average just before the run (other work on the machine skews wall time). */
  loadAverage: number;
}

/** Folders a run works in. */
export interface Workspace {
  /** Project root: the children's working folder. */
  root: string;
  contentDir: string;
  baselineDir: string;
  broadsheetOut: string;
  baselineOut: string;
  /** Broadsheet's persistent render cache, emptied before a cold build. */
  renderCache: string;
  /** The article the edit scenario appends a sentence to. */
  editedArticle: string;
  /** With a folder, each Broadsheet child writes a `--cpu-prof` profile there (slows the build). */
  profileDir?: string;
}

const RUNNER = fileURLToPath(new URL('./run-broadsheet.ts', import.meta.url));
const TIMING = /^\[broadsheet:timing\] (\{.*\})\s*$/m;
const EDIT = '\n\nThe benchmark added this sentence to measure a rebuild after one edit.\n';

/**
 * Broadsheet's three scenarios, in order: cold (render cache and output removed), warm (nothing
 * changed), and one article edited (restored afterwards, so the archive stays as generated).
 *
 * @param space The folders.
 * @param run Run number, for the record.
 * @param onSample Called with each sample as soon as it is measured (a 100,000-article run is long).
 * @returns Three samples.
 */
export async function measureBroadsheet(space: Workspace, run: number, onSample: (sample: Sample) => void = () => undefined): Promise<Sample[]> {
  await rm(space.renderCache, { recursive: true, force: true });
  await rm(space.broadsheetOut, { recursive: true, force: true });
  // buildSite stages its output beside the target, so the parent folder must exist.
  await mkdir(path.dirname(space.broadsheetOut), { recursive: true });
  const samples: Sample[] = [];
  const measured = (sample: Sample) => {
    samples.push(sample);
    onSample(sample);
  };
  measured(await buildBroadsheet(space, 'broadsheet-cold', run));
  measured(await buildBroadsheet(space, 'broadsheet-warm', run));
  const original = await readFile(space.editedArticle, 'utf8');
  await writeFile(space.editedArticle, original.replace(/\n*$/, EDIT));
  try {
    measured(await buildBroadsheet(space, 'broadsheet-edit', run));
  } finally {
    await writeFile(space.editedArticle, original);
  }
  return samples;
}

/**
 * Stock Eleventy, cold (its `.cache` and output removed). Its rebuild after one edit is the same
 * work: Eleventy 3 has no persistent cache between runs of the command.
 *
 * @param space The folders.
 * @param run Run number.
 * @returns One sample.
 */
export async function measureBaseline(space: Workspace, run: number): Promise<Sample> {
  await rm(path.join(space.baselineDir, '.cache'), { recursive: true, force: true });
  await rm(space.baselineOut, { recursive: true, force: true });
  // From the baseline folder, so Eleventy reads no project `.gitignore` or `.eleventyignore`; and
  // with relative paths: given an absolute `--input`, Eleventy 3.1.8 skips directory data files.
  const output = path.relative(space.baselineDir, space.baselineOut);
  const args = ['@11ty/eleventy', '--config=eleventy.config.js', '--input=src', `--output=${output}`, '--quiet'];
  const load = loadavg()[0]!;
  const result = await measure('npx', args, { cwd: space.baselineDir });
  check(result, 'Stock Eleventy');
  return sample('baseline-cold', run, load, result, await countOutput(space.baselineOut), null);
}

async function buildBroadsheet(space: Workspace, scenario: Scenario, run: number): Promise<Sample> {
  const load = loadavg()[0]!;
  const profile = space.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${space.profileDir}`, `--cpu-prof-name=${scenario}-${run}.cpuprofile`] : [];
  const result = await measure('node', [...NODE_FLAGS, ...profile, '--import', 'tsx', RUNNER, space.contentDir, space.broadsheetOut], {
    cwd: space.root,
    env: { BROADSHEET_TIMING: '1' },
  });
  check(result, 'Broadsheet');
  const timing = TIMING.exec(result.stdout);
  return sample(scenario, run, load, result, await countOutput(space.broadsheetOut), timing ? (JSON.parse(timing[1]!) as Record<string, number>) : null);
}

function sample(scenario: Scenario, run: number, loadAverage: number, result: Measurement, output: { files: number; bytes: number }, stages: Sample['stages']): Sample {
  const { wallSeconds, cpuSeconds, maxRssKb, treeRssKb, method } = result;
  return { scenario, run, wallSeconds, cpuSeconds, maxRssKb, treeRssKb, ...output, stages, method, loadAverage };
}

function check(result: Measurement, what: string): void {
  if (result.exitCode === 0) return;
  const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
  throw new Error(`${what} failed with exit code ${result.exitCode}; the last lines it printed:\n${tail}`);
}
