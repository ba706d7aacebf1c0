/**
 * `npm run bench`: builds a generated archive with Broadsheet and with a stock Eleventy 3 site,
 * alternating, each in a child process, and reports wall time, throughput, peak memory and output.
 *
 *   npx tsx src/cli/bench.ts [--size 1000|10000|100000] [--runs N] [--json out.json] [--seed S] [--profile] [--dev | --no-dev]
 *   npx tsx src/cli/bench.ts --pipeline [--size N]
 */
import { isMain } from './is-main.ts';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureArchive } from './bench/archive.ts';
import { ensureBaseline } from './bench/baseline.ts';
import { TIME_BINARY } from './bench/measure.ts';
import { formatDevServer, measureDevServer, type DevServerResult } from './bench/dev-server.ts';
import { benchPipeline, formatPipeline } from './bench/pipeline.ts';
import { planArchive } from './bench/plan.ts';
import { formatTables, summarize } from './bench/report.ts';
import { measureBaseline, measureBroadsheet, type Sample, type Workspace } from './bench/scenarios.ts';

/** Runs per size when `--runs` is not given. */
const DEFAULT_RUNS: Record<number, number> = { 1000: 3, 10000: 2, 100000: 1 };

const root = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '1000' },
      runs: { type: 'string' },
      json: { type: 'string' },
      seed: { type: 'string', default: 'broadsheet' },
      pipeline: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      // The dev-server scenario; by default up to 10,000 articles (its first build of 100,000 takes minutes).
      dev: { type: 'boolean' },
      'no-dev': { type: 'boolean', default: false },
    },
  });
  const size = positiveInteger(values.size, '--size');
  if (values.pipeline) return pipelineMode(size, values.seed, values.json);
  const runs = values.runs === undefined ? (DEFAULT_RUNS[size] ?? (size > 10_000 ? 1 : 2)) : positiveInteger(values.runs, '--runs');

  const folder = path.join(root, '.cache', 'bench', String(size));
  const space: Workspace = {
    root,
    contentDir: path.join(folder, 'content'),
    baselineDir: path.join(folder, 'baseline'),
    broadsheetOut: path.join(folder, 'out', 'broadsheet'),
    baselineOut: path.join(folder, 'out', 'baseline'),
    renderCache: path.join(root, '.cache', 'broadsheet'),
    editedArticle: '',
    // Main-thread profiles only: Node writes none for worker threads that are terminated.
    ...(values.profile ? { profileDir: path.join(folder, 'profiles') } : {}),
  };
  log(`Preparing an archive of ${size} articles in ${path.relative(root, space.contentDir)}/ …`);
  const archive = await ensureArchive(space.contentDir, { size, seed: values.seed });
  log(archive.written ? '  written.' : '  already there.');
  const edited = archive.plan.articles[Math.floor(size / 2)]!;
  space.editedArticle = path.join(space.contentDir, edited.path);
  log(`Preparing the stock Eleventy site in ${path.relative(root, space.baselineDir)}/ …`);
  log((await ensureBaseline(space.baselineDir, space.contentDir, archive.stamp)) ? '  written.' : '  already there.');
  if (!existsSync(TIME_BINARY)) log(`${TIME_BINARY} is missing (apt-get install -y time); peak RSS comes from process.resourceUsage() instead.`);

  const samples: Sample[] = [];
  const baselineFailures: string[] = [];
  for (let run = 1; run <= runs; run++) {
    // A B A B: Broadsheet then the baseline, so drift on the machine hits both alike.
    samples.push(...(await measureBroadsheet(space, run, (sample) => log(describe(sample, runs)))));
    try {
      const sample = await measureBaseline(space, run);
      samples.push(sample);
      log(describe(sample, runs));
    } catch (error) {
      // Stock Eleventy runs out of memory on 100,000 articles (Node's default heap): Broadsheet's figures still stand.
      baselineFailures.push(error instanceof Error ? error.message : String(error));
      log(`  run ${run}/${runs} baseline-cold failed: ${baselineFailures.at(-1)!.split('\n')[0]}`);
    }
  }

  let devServer: DevServerResult | undefined;
  if (values.dev ?? (!values['no-dev'] && size <= 10_000)) {
    log('Measuring the dev server (npm start): saves of one article until the page served shows them …');
    devServer = await measureDevServer({ root, contentDir: space.contentDir, workDir: path.join(folder, 'dev'), article: space.editedArticle, url: edited.url });
    log(`  first build ${devServer.startSeconds.toFixed(1)} s; fresh after ${devServer.freshSeconds.map((seconds) => seconds.toFixed(2)).join(', ')} s`);
  }

  const summaries = summarize(samples, size);
  console.log(formatTables(summaries, size, machine()));
  if (baselineFailures.length) {
    console.log(`\nStock Eleventy failed in ${baselineFailures.length} of ${runs} runs (the ratios are to the runs that finished, if any). The first failure:\n${baselineFailures[0]}`);
  }
  if (devServer) console.log(formatDevServer(devServer));
  const jsonPath = path.resolve(values.json ?? path.join(root, '.cache', 'bench', `results-${size}.json`));
  await mkdir(path.dirname(jsonPath), { recursive: true });
  await writeFile(jsonPath, `${JSON.stringify({ size, seed: values.seed, runs, machine: machine(), summaries, samples, baselineFailures, devServer }, null, 2)}\n`);
  log(`Wrote ${path.relative(process.cwd(), jsonPath) || jsonPath}.`);
}

async function pipelineMode(size: number, seed: string, json: string | undefined): Promise<void> {
  // One core: re-run this command pinned to CPU 0, so the collector's helper threads share it too.
  if (!process.env.BROADSHEET_BENCH_PINNED && existsSync('/usr/bin/taskset')) {
    const child = spawnSync('/usr/bin/taskset', ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, BROADSHEET_BENCH_PINNED: '1' },
    });
    process.exitCode = child.status ?? 1;
    return;
  }
  const count = Math.min(size, 1000);
  log(`Rendering the first ${count} generated article bodies with each chain …`);
  const result = await benchPipeline(planArchive(count, seed), count);
  console.log(formatPipeline(result));
  const jsonPath = path.resolve(json ?? path.join(root, '.cache', 'bench', 'results-pipeline.json'));
  await mkdir(path.dirname(jsonPath), { recursive: true });
  await writeFile(jsonPath, `${JSON.stringify({ ...result, pinned: Boolean(process.env.BROADSHEET_BENCH_PINNED), machine: machine() }, null, 2)}\n`);
  log(`Wrote ${path.relative(process.cwd(), jsonPath) || jsonPath}.`);
}

function describe(sample: Sample, runs: number): string {
  const cpu = sample.cpuSeconds === null ? '' : `, ${sample.cpuSeconds.toFixed(2)} s CPU`;
  const tree = sample.treeRssKb === null ? '' : ` (tree ${(sample.treeRssKb / 1024).toFixed(0)} MiB)`;
  return `  run ${sample.run}/${runs} ${sample.scenario}: ${sample.wallSeconds.toFixed(2)} s${cpu}, ${(sample.maxRssKb / 1024).toFixed(0)} MiB${tree}, load ${sample.loadAverage.toFixed(1)}`;
}

function machine() {
  return { node: process.version, platform: process.platform, arch: process.arch, cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown' };
}

function positiveInteger(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new TypeError(`Expected \`${name}\` to be a whole number of at least 1, not \`${value}\``);
  return number;
}

function log(message: string): void {
  console.error(message);
}

if (isMain(import.meta.url)) {
  await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
