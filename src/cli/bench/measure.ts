/**
 * Runs one command in a child process and measures it: wall time and peak RSS from GNU
 * `/usr/bin/time -v` (or, without it, from `process.resourceUsage()` inside each Node process),
 * CPU time of the whole process tree, plus what the command printed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleProcessTree, type TreeUsage } from './process-tree.ts';

/** GNU time; Debian's `time` package (`apt-get install -y time`). */
export const TIME_BINARY = '/usr/bin/time';

/** What one measured run gave. */
export interface Measurement {
  exitCode: number;
  /** Wall-clock seconds. */
  wallSeconds: number;
  /**
   * CPU seconds in user and kernel mode, over the process tree: the larger of GNU time's figure and
   * the tree sampled from `/proc` (`process-tree.ts`), which also counts children killed without
   * being waited for (a build's Pagefind processes). `null` with neither.
   */
  cpuSeconds: number | null;
  /** Peak resident set size of the largest process, in KiB. */
  maxRssKb: number;
  /** Peak of the whole process tree's resident set sizes added up, sampled, in KiB (`null` without `/proc`). */
  treeRssKb: number | null;
  /** How the figures were taken. */
  method: 'gnu-time' | 'resource-usage';
  stdout: string;
  stderr: string;
}

/** Options for `measure`. */
export interface Options {
  cwd: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

// Prints the process's peak RSS as it exits; injected with NODE_OPTIONS when GNU time is missing.
const RSS_PROBE = `data:text/javascript,${encodeURIComponent(
  "process.on('exit',()=>process.stderr.write('\\n[bench:rss] '+process.resourceUsage().maxRSS+'\\n'))",
)}`;

/**
 * Run `command args…` and measure it.
 *
 * @param command The program (such as `node` or `npx`).
 * @param args Its arguments.
 * @param options Working folder and environment.
 * @returns The figures and the output; a non-zero exit is returned, not thrown.
 */
export async function measure(command: string, args: string[], options: Options): Promise<Measurement> {
  const useTime = existsSync(TIME_BINARY);
  const scratch = await mkdtemp(path.join(tmpdir(), 'broadsheet-bench-'));
  const timeFile = path.join(scratch, 'time.txt');
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!useTime) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${RSS_PROBE}`.trim();
  const [program, argv] = useTime ? [TIME_BINARY, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  try {
    const { exitCode, stdout, stderr, tree } = await run(program, argv, options.cwd, env);
    const elapsed = (performance.now() - started) / 1000;
    const treeRssKb = tree?.peakRssKb ?? null;
    if (!useTime) {
      const rss = [...stderr.matchAll(/\[bench:rss\] (\d+)/g)].map((match) => Number(match[1]));
      return { exitCode, wallSeconds: elapsed, cpuSeconds: tree?.cpuSeconds ?? null, maxRssKb: Math.max(0, ...rss), treeRssKb, method: 'resource-usage', stdout, stderr };
    }
    const figures = parseTimeReport(await readFile(timeFile, 'utf8'));
    return { exitCode, ...figures, cpuSeconds: Math.max(figures.cpuSeconds, tree?.cpuSeconds ?? 0), treeRssKb, method: 'gnu-time', stdout, stderr };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Read the figures out of a `/usr/bin/time -v` report.
 *
 * @param report Its text.
 * @returns Wall seconds, CPU seconds and peak RSS in KiB.
 */
export function parseTimeReport(report: string): { wallSeconds: number; cpuSeconds: number; maxRssKb: number } {
  const field = (label: string): string => {
    const line = report.split('\n').find((entry) => entry.trim().startsWith(label));
    if (!line) throw new Error(`Expected a \`${label}\` line in the report of ${TIME_BINARY}, not \`${report.slice(0, 200)}\``);
    return line.slice(line.lastIndexOf(': ') + 2).trim();
  };
  // "h:mm:ss" or "m:ss.ss"
  const wallSeconds = field('Elapsed (wall clock) time').split(':').reduce((total, part) => total * 60 + Number(part), 0);
  const cpuSeconds = Number(field('User time (seconds)')) + Number(field('System time (seconds)'));
  return { wallSeconds, cpuSeconds, maxRssKb: Number(field('Maximum resident set size (kbytes)')) };
}

/** Run a program to its end, with the CPU and memory of its process tree (`null` where they cannot be sampled). */
function run(program: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ exitCode: number; stdout: string; stderr: string; tree: TreeUsage | null }>((resolve, reject) => {
    const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stopSampling = child.pid === undefined ? () => null : sampleProcessTree(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      stopSampling();
      reject(error);
    });
    child.on('close', (code, signal) => {
      const tree = stopSampling();
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), tree });
    });
  });
}

/**
 * Count the files under a folder and add up their sizes.
 *
 * @param folder Any folder; a missing one counts as empty.
 * @returns Files and bytes.
 */
export async function countOutput(folder: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
