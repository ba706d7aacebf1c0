/**
 * CPU time of a process tree, sampled from Linux's `/proc`. GNU time counts only the children
 * that were waited for, and a build's Pagefind processes are killed at the end, not waited for:
 * their 40–50 CPU-s of a cold 10,000-article build were missing from its figure.
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

/**
 * Sample a process and its descendants every `everyMs` until stopped. Each process counts with
 * the CPU time it had when last seen, so one that ends between two samples loses at most one
 * interval's worth.
 *
 * @param root The process whose tree is measured.
 * @param everyMs Milliseconds between samples.
 * @returns Stops the sampling and gives the tree's CPU seconds; `null` where there is no `/proc`.
 */
export function sampleTreeCpu(root: number, everyMs = 250): () => number | null {
  if (process.platform !== 'linux') return () => null;
  const lastSeen = new Map<number, number>();
  const sample = () => {
    const byParent = new Map<number, ProcessStat[]>();
    for (const stat of readProcesses()) byParent.set(stat.parent, [...(byParent.get(stat.parent) ?? []), stat]);
    const self = readProcesses([root])[0];
    const tree = self ? [self] : [];
    for (let index = 0; index < tree.length; index++) tree.push(...(byParent.get(tree[index]!.pid) ?? []));
    for (const { pid, ticks } of tree) lastSeen.set(pid, Math.max(ticks, lastSeen.get(pid) ?? 0));
  };
  sample();
  const timer = setInterval(sample, everyMs).unref();
  return () => {
    clearInterval(timer);
    sample();
    let ticks = 0;
    for (const value of lastSeen.values()) ticks += value;
    return ticks / TICKS_PER_SECOND;
  };
}

/** The processes of `/proc` (or those of `pids`) that can still be read. */
function readProcesses(pids?: number[]): ProcessStat[] {
  const names = pids?.map(String) ?? readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  return names.flatMap((name) => {
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
