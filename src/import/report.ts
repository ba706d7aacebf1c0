/**
 * The import report, in Markdown: counts, every post not converted and why, and every warning and
 * note by file and line, so an editor can finish the migration from one document.
 */
import type { Finding } from './model.ts';
import type { ImportResult } from './import-archive.ts';

/** The report's first line; the command replaces only a file that starts with it (an earlier report). */
export const REPORT_TITLE = '# Import report';

/** How many posts met each fate, and how many warnings the written ones carry. */
export interface Counts {
  found: number;
  written: number;
  skipped: number;
  failed: number;
  warnings: number;
}

/**
 * Count an import's outcomes.
 *
 * @param result What `importArchive` returned.
 * @returns The counts.
 */
export function countOutcomes(result: ImportResult): Counts {
  const count = (status: string) => result.posts.filter((post) => post.status === status).length;
  return {
    found: result.posts.length,
    written: count('written'),
    skipped: count('skipped'),
    failed: count('failed'),
    warnings: result.posts.filter((post) => post.status !== 'failed').flatMap((post) => post.findings).filter((item) => item.severity === 'warning').length,
  };
}

/**
 * Write the report.
 *
 * @param result What `importArchive` returned.
 * @returns The Markdown text.
 */
export function formatImportReport(result: ImportResult): string {
  const counts = countOutcomes(result);
  const lines = [
    REPORT_TITLE,
    '',
    `Imported \`${result.source}\` as **${result.format}**${result.detectedBy ? ` (detected: ${result.detectedBy})` : ''} into \`${result.out}\`.`,
    '',
    '| found | written | skipped | failed | warnings |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${counts.found} | ${counts.written} | ${counts.skipped} | ${counts.failed} | ${counts.warnings} |`,
  ];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push('', `## ${title}`, '', ...items);
  };

  const failed = result.posts.filter((post) => post.status === 'failed');
  section(
    `Not converted (${failed.length})`,
    failed.map((post) => `- \`${post.source}\`${post.failure?.line ? ` line ${post.failure.line}` : ''}: ${post.failure?.message} (\`${post.failure?.ruleId}\`)`),
  );
  const skipped = result.posts.filter((post) => post.status === 'skipped');
  section(
    `Skipped: the article file already exists (${skipped.length})`,
    skipped.map((post) => `- \`${post.source}\` → \`${post.output}\` was left as it was. Delete it and import again to replace it.`),
  );
  section('Site settings', result.settings.map((item) => `- ${describe(item)}`));

  const withFindings = result.posts.filter((post) => post.status !== 'failed' && post.findings.length > 0);
  if (withFindings.length > 0) {
    lines.push('', '## Warnings and notes by file', '', 'Each item gives the line in the source file. Warnings need a look; notes say what was dropped on purpose.');
    for (const post of withFindings) {
      lines.push('', `### \`${post.source}\` → \`${post.output}\``, '', ...post.findings.map((item) => `- ${describe(item)}`));
    }
  }
  section(
    `Not posts (${result.ignored.length})`,
    result.ignored.map((file) => `- \`${file.source}\`: ${file.reason}.`),
  );
  return `${lines.join('\n')}\n`;
}

function describe(item: Finding): string {
  return `${item.line ? `line ${item.line}, ` : ''}${item.severity} \`${item.ruleId}\`: ${item.message}`;
}
