/**
 * CPU time and peak memory of a process tree, sampled from Linux's `/proc`. GNU time counts the
 * CPU of only the children that were waited for, and a build's Pagefind processes are killed at
 * the end, not waited for: their 40–50 CPU-s of a cold 10,000-article build were missing from its
 * figure. Its peak RSS is the largest single process's, while Pagefind's process runs beside the
 * build's (up to 1.3 GiB at 100,000 articles): the memory a build needs is the whole tree's.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` (`getconf CLK_TCK`; 100 on Linux's usual builds). */
const TICKS_PER_SECOND = 100;

/** One process as `/proc/<pid>/stat` shows it. */
interface ProcessStat {
  pid: number;
  parent: number;
  /** User plus kernel time so far, in clock ticks. */
  ticks: number;
}

/** What `sampleProcessTree` measured. */
export interface TreeUsage {
  /** CPU seconds, user and kernel, of every process of the tree. */
  cpuSeconds: number;
  /** The largest sum of the tree's resident set sizes at one sample, in KiB. */
  peakRssKb: number;
}

/**
 * Sample a process and its descendants every `everyMs` until stopped. Each process counts with
 * the CPU time it had when last seen, so one that ends between two samples loses at most one
 * interval's worth; a peak of memory shorter than an interval can be missed.
 *
 * @param root The process whose tree is measured.
 * @param everyMs Milliseconds between samples.
 * @returns Stops the sampling and gives what it measured; `null` where there is no `/proc`.
 */
export function sampleProcessTree(root: number, everyMs = 250): () => TreeUsage | null {
  if (process.platform !== 'linux') return () => null;
  const lastSeen = new Map<number, number>();
  let peakRssKb = 0;
  const sample = () => {
    const processes = readProcesses();
    const children = new Map<number, ProcessStat[]>();
    for (const stat of processes) children.set(stat.parent, [...(children.get(stat.parent) ?? []), stat]);
    const tree = processes.filter(({ pid }) => pid === root);
    for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]!.pid) ?? []));
    for (const { pid, ticks } of tree) lastSeen.set(pid, Math.max(ticks, lastSeen.get(pid) ?? 0));
    peakRssKb = Math.max(peakRssKb, tree.reduce((sum, { pid }) => sum + residentKb(pid), 0));
  };
  sample();
  const timer = setInterval(sample, everyMs).unref();
  return () => {
    clearInterval(timer);
    sample();
    let ticks = 0;
    for (const value of lastSeen.values()) ticks += value;
    return { cpuSeconds: ticks / TICKS_PER_SECOND, peakRssKb };
  };
}

/** A process's resident set size in KiB (`VmRSS`); 0 once it has ended. */
function residentKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Every process of `/proc` that can still be read. */
function readProcesses(): ProcessStat[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      return []; // ended meanwhile
    }
    const fields = parseStat(text);
    return fields ? [{ pid: Number(name), ...fields }] : [];
  });
}

/**
 * The parent and CPU ticks out of one `/proc/<pid>/stat` line.
 *
 * @param text The line.
 * @returns The parent's pid and user + kernel ticks, or `undefined` for an unreadable line.
 */
export function parseStat(text: string): { parent: number; ticks: number } | undefined {
  // Fields 3 on follow the command name, which is in parentheses and may hold spaces.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const parent = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(parent) && Number.isFinite(ticks) ? { parent, ticks } : undefined;
}
