/**
 * Sums up samples (medians per scenario, the Broadsheet / baseline ratio) and prints them as
 * Markdown tables.
 */
import type { Sample, Scenario } from './scenarios.ts';

/** Medians of one scenario's samples. */
export interface Summary {
  scenario: Scenario;
  runs: number;
  wallSeconds: number;
  cpuSeconds: number | null;
  articlesPerSecond: number;
  maxRssMiB: number;
  /** Peak RSS of the whole process tree (Pagefind's processes too), or `null` where it was not sampled. */
  treeRssMiB: number | null;
  files: number;
  bytes: number;
  /** Median seconds per stage, or `null` when the build printed no timing line. */
  stages: Record<string, number> | null;
  /** Wall time divided by the baseline's cold wall time. */
  ratioToBaseline: number | null;
  /** CPU time divided by the baseline's cold CPU time: steadier than wall time on a busy machine. */
  cpuRatioToBaseline: number | null;
  /** Median one-minute load average when the runs started: above the core count, other work competed. */
  loadAverage: number;
}

const LABELS: Record<Scenario, string> = {
  'broadsheet-cold': 'Broadsheet, cold',
  'broadsheet-warm': 'Broadsheet, warm (no change)',
  'broadsheet-edit': 'Broadsheet, one article edited',
  'baseline-cold': 'Stock Eleventy, cold (= one edit)',
};

/**
 * The middle value (the mean of the two middle values for an even count).
 *
 * @param values At least one number.
 * @returns The median.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Medians per scenario, in the order of `LABELS`.
 *
 * @param samples Every measured build.
 * @param size Articles in the archive.
 * @returns One summary per scenario that has samples.
 */
export function summarize(samples: readonly Sample[], size: number): Summary[] {
  const scenarios = (Object.keys(LABELS) as Scenario[]).filter((scenario) => samples.some((entry) => entry.scenario === scenario));
  const baseline = samples.filter((entry) => entry.scenario === 'baseline-cold');
  const baselineWall = baseline.length ? median(baseline.map((entry) => entry.wallSeconds)) : null;
  const baselineCpu = baseline.filter((entry) => entry.cpuSeconds !== null).map((entry) => entry.cpuSeconds!);
  return scenarios.map((scenario) => {
    const own = samples.filter((entry) => entry.scenario === scenario);
    const wallSeconds = median(own.map((entry) => entry.wallSeconds));
    const cpu = own.map((entry) => entry.cpuSeconds).filter((value): value is number => value !== null);
    const timed = own.map((entry) => entry.stages).filter((value): value is Record<string, number> => value !== null);
    const tree = own.map((entry) => entry.treeRssKb).filter((value): value is number => value !== null);
    const stageNames = [...new Set(timed.flatMap((entry) => Object.keys(entry)))];
    return {
      scenario,
      runs: own.length,
      wallSeconds,
      cpuSeconds: cpu.length ? median(cpu) : null,
      articlesPerSecond: size / wallSeconds,
      maxRssMiB: median(own.map((entry) => entry.maxRssKb)) / 1024,
      treeRssMiB: tree.length ? median(tree) / 1024 : null,
      files: median(own.map((entry) => entry.files)),
      bytes: median(own.map((entry) => entry.bytes)),
      stages: timed.length ? Object.fromEntries(stageNames.map((name) => [name, median(timed.map((entry) => entry[name] ?? 0))])) : null,
      ratioToBaseline: baselineWall ? wallSeconds / baselineWall : null,
      cpuRatioToBaseline: cpu.length && baselineCpu.length ? median(cpu) / median(baselineCpu) : null,
      loadAverage: median(own.map((entry) => entry.loadAverage)),
    };
  });
}

/** Where the figures were measured: they differ by Node version as much as by machine. */
export interface Machine {
  node: string;
  cpus: number;
  cpuModel: string;
}

/**
 * The results as Markdown: the main table, then the stage split of Broadsheet's builds.
 *
 * @param summaries From `summarize`.
 * @param size Articles in the archive.
 * @param machine Node version and processors.
 * @returns Markdown text.
 */
export function formatTables(summaries: readonly Summary[], size: number, machine: Machine): string {
  const number = (value: number, digits: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const ratio = (value: number | null) => (value === null ? 'n/a' : `${number(value, 2)}×`);
  const lines = [
    `Archive: ${number(size, 0)} articles; Node ${machine.node}, ${machine.cpus} cores (${machine.cpuModel}). Medians of the runs; ratios are to stock Eleventy cold (wall, and CPU = user + system over the process tree).`,
    '',
    '| Scenario | Runs | Wall (s) | CPU (s) | Articles/s | Peak RSS (MiB) | Peak RSS, tree (MiB) | Files | Written (MiB) | Ratio (wall) | Ratio (CPU) | Load avg |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const entry of summaries) {
    lines.push(
      `| ${LABELS[entry.scenario]} | ${entry.runs} | ${number(entry.wallSeconds, 2)} | ${entry.cpuSeconds === null ? 'n/a' : number(entry.cpuSeconds, 2)} | ` +
        `${number(entry.articlesPerSecond, 0)} | ${number(entry.maxRssMiB, 0)} | ${entry.treeRssMiB === null ? 'n/a' : number(entry.treeRssMiB, 0)} | ` +
        `${number(entry.files, 0)} | ${number(entry.bytes / 2 ** 20, 1)} | ` +
        `${ratio(entry.ratioToBaseline)} | ${ratio(entry.cpuRatioToBaseline)} | ${number(entry.loadAverage, 1)} |`,
    );
  }
  const broadsheet = summaries.filter((entry) => entry.scenario.startsWith('broadsheet'));
  const stageNames = [...new Set(broadsheet.flatMap((entry) => Object.keys(entry.stages ?? {})))];
  const columns = stageNames.length ? stageNames : ['load', 'render', 'emit', 'feeds', 'swap'];
  lines.push('', `| Broadsheet stage (s) | ${columns.join(' | ')} |`, `| --- | ${columns.map(() => '---:').join(' | ')} |`);
  for (const entry of broadsheet) {
    lines.push(`| ${LABELS[entry.scenario]} | ${columns.map((name) => (entry.stages?.[name] === undefined ? 'n/a' : number(entry.stages[name]!, 2))).join(' | ')} |`);
  }
  return lines.join('\n');
}
