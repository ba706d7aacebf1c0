/**
 * `npm run check [-- --format json]`: validates all content without building or writing anything,
 * and adds the checks an editor wants before publishing: bylines without an author file, links to
 * pages that don't exist, dates in the future. Exit code 1 on errors, 0 on warnings only.
 */
import { isMain } from './is-main.ts';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { buildCollections } from '../collections/index.ts';
import { SITE_FILES } from '../content/addresses.ts';
import { loadContent } from '../content/load.ts';
import { listMarkdownFiles } from '../content/read.ts';
import { ContentError, formatReport, report } from '../errors/report.ts';

/** Options for `checkContent`. */
export interface Options {
  /** Content folder (default: `'content'`). */
  contentDir?: string;
  /** What counts as the future (default: now). */
  now?: Date;
}

/** One finding, as `--format json` prints it. */
export interface Finding {
  file: string;
  line: number | null;
  column: number | null;
  severity: 'error' | 'warning';
  ruleId: string | null;
  message: string;
}

/**
 * Check the content.
 *
 * @param options Where the content is.
 * @returns Every file read, with its messages.
 */
export async function checkContent(options: Options = {}): Promise<VFile[]> {
  const contentDir = path.resolve(options.contentDir ?? 'content');
  let loaded;
  try {
    // Drafts are checked too; the render cache is neither read nor written.
    loaded = await loadContent({ contentDir, includeDrafts: true, cacheDir: false, keepText: true });
  } catch (error) {
    if (error instanceof ContentError) return [...error.files];
    throw error;
  }
  const { content, files } = loaded;
  const fileOf = new Map(files.map((file) => [file.path, file]));
  const now = options.now ?? new Date();
  const authorFiles = new Set((await listMarkdownFiles(path.join(contentDir, 'authors'))).map((file) => path.basename(file, '.md')));
  const collections = buildCollections(content);
  const known = new Set<string>([
    ...SITE_FILES,
    '/tags/', '/authors/', '/archive/', '/search/',
    ...collections.articles.map((article) => article.url),
    ...collections.listings.map((listing) => listing.url),
    ...content.pages.map((page) => page.url),
  ]);

  for (const article of content.articles) {
    const file = fileOf.get(article.sourcePath);
    if (!file) continue;
    for (const author of article.authors) {
      if (!authorFiles.has(author.slug)) report(file, 'unknown-author', keyPlace(file, 'author'), author.name, author.slug);
    }
    if (article.date.instant > now) {
      report(file, 'future-date', keyPlace(file, 'date'), article.date.instant.toISOString().slice(0, 10));
    }
    for (const link of article.body.links) {
      const target = link.url.split(/[?#]/)[0]!;
      if (!target.startsWith('/') || target.startsWith('//')) continue;
      const page = target.endsWith('/') || target.endsWith('.xml') ? target : `${target}/`;
      if (!known.has(page)) report(file, 'broken-link', link.place, link.url);
    }
  }
  return files;
}

/** The line of a top-level frontmatter key, read from the file's text. */
function keyPlace(file: VFile, key: string): { line: number; column: number } | undefined {
  const index = String(file.value).split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : { line: index + 1, column: 1 };
}

/**
 * Findings as plain data.
 *
 * @param files Checked files.
 * @returns One finding per message.
 */
export function toFindings(files: readonly VFile[]): Finding[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      line: message.line ?? null,
      column: message.column ?? null,
      severity: message.fatal ? ('error' as const) : ('warning' as const),
      ruleId: message.ruleId ?? null,
      message: message.reason,
    })),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' }, content: { type: 'string' } } });
  const files = await checkContent(values.content ? { contentDir: values.content } : {});
  const findings = toFindings(files);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  if (values.format === 'json') {
    console.log(JSON.stringify({ files: files.length, errors, warnings: findings.length - errors, findings }, null, 2));
  } else {
    const text = formatReport(files);
    console.log(text || `Checked ${files.length} files: no problems found.`);
    if (text) console.log(`Checked ${files.length} files.`);
  }
  process.exitCode = errors > 0 ? 1 : 0;
}

if (isMain(import.meta.url)) await main();
