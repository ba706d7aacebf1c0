/**
 * `npm run import -- <dir> [--from jekyll|hugo|generic] [--out content/articles/imported]
 * [--report import-report.md] [--author "Name"] [--force]`: migrates an archive of Markdown posts
 * into Broadsheet articles and writes a report of everything to finish by hand. Source files are
 * only read; existing articles are never replaced. Exit code 1 when any post could not be converted.
 */
import { isMain } from './is-main.ts';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importArchive, ImportUsageError } from '../import/import-archive.ts';
import { countOutcomes, formatImportReport, REPORT_TITLE } from '../import/report.ts';

const USAGE = 'Usage: npm run import -- <folder> [--from jekyll|hugo|generic] [--out content/articles/imported] [--report import-report.md] [--author "Name"] [--force]';

/** Where `main` runs and prints. */
export interface Io {
  /** The working directory (default: `process.cwd()`). */
  cwd?: string;
  /** Prints a line of the summary (default: `console.log`). */
  log?: (line: string) => void;
  /** Prints a line about a mistake (default: `console.error`). */
  error?: (line: string) => void;
}

/**
 * Run the command.
 *
 * @param args The arguments after `npm run import --`.
 * @param io The working directory and where to print.
 * @returns The exit code: 0 when every post converted (warnings allowed), 1 otherwise.
 */
export async function main(args: string[], io: Io = {}): Promise<number> {
  const { cwd = process.cwd(), log = console.log, error = console.error } = io;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        author: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (cause) {
    error(`${(cause as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    error(positionals.length === 0 ? `Give the folder of the archive to import.\n${USAGE}` : `Give one folder, not ${positionals.length}.\n${USAGE}`);
    return 1;
  }
  const reportPath = path.resolve(cwd, values.report ?? 'import-report.md');
  const existing = await firstLine(reportPath);
  if (existing !== undefined && existing !== REPORT_TITLE) {
    error(`\`${path.relative(cwd, reportPath)}\` already exists and is not an import report, so it was left as it is and nothing was imported. Choose another \`--report\` path.`);
    return 1;
  }
  try {
    const result = await importArchive({
      source: positionals[0]!,
      cwd,
      force: values.force,
      exclude: [reportPath],
      ...(values.from !== undefined ? { from: values.from } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.author !== undefined ? { author: values.author } : {}),
    });
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, formatImportReport(result));
    const counts = countOutcomes(result);
    log(
      `Imported ${plural(counts.found, 'post')} from \`${result.source}\` (${result.format}) into \`${result.out}\`: ` +
        `${counts.written} written, ${counts.skipped} skipped (already there), ${counts.failed} failed; ${plural(counts.warnings, 'warning')} to check.`,
    );
    log(`Report: ${path.relative(cwd, reportPath) || reportPath}`);
    return counts.failed > 0 ? 1 : 0;
  } catch (cause) {
    if (cause instanceof ImportUsageError) {
      error(cause.message);
      return 1;
    }
    throw cause;
  }
}

/** The first line of a file, or `undefined` when there is none (a folder counts as a file). */
async function firstLine(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch((cause: NodeJS.ErrnoException) => (cause.code === 'ENOENT' ? undefined : cause));
  if (handle === undefined) return undefined;
  if (handle instanceof Error) return '';
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0];
  } catch {
    return '';
  } finally {
    await handle.close();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

if (isMain(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
