/**
 * `importArchive`: finds the posts of a Jekyll, Hugo or generic Markdown archive, maps each to a
 * Broadsheet article, and writes `<out>/<YYYY>/<slug>.md` without ever touching the source or
 * replacing a file. Returns what happened to every post, for the report.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../content/read.ts';
import { convertBody } from './body.ts';
import { readByline } from './byline.ts';
import { detectFormat } from './detect.ts';
import { MARKDOWN } from './find-files.ts';
import { generic } from './generic.ts';
import { hugo } from './hugo.ts';
import { jekyll } from './jekyll.ts';
import { mapPost, type SourceFormat } from './mapping.ts';
import { finding } from './messages.ts';
import { FORMATS, type Finding, type Format } from './model.ts';
import { readSourcePost } from './read-source.ts';
import { createPlacement } from './placement.ts';
import { readSiteSettings } from './site-settings.ts';
import { serializeArticle, writeNewFile } from './write-article.ts';

const SOURCE_FORMATS: Readonly<Record<Format, SourceFormat>> = { jekyll, hugo, generic };

/** Posts read and written at once: enough to keep the disk busy, few enough for open-file limits. */
const BATCH = 32;

/** Options for `importArchive`. */
export interface Options {
  /** The archive folder, relative to `cwd`. */
  source: string;
  /** Its format (default: detected). */
  from?: string;
  /** Where to write the articles; must be inside `content/` unless `force` (default: `'content/articles/imported'`). */
  out?: string;
  /** Allow an `out` outside `content/` (default: `false`). */
  force?: boolean;
  /** The byline of posts without one, such as `"Ana Ruiz and Li Wei"` (default: the old site's, else none). */
  author?: string;
  /** Paths to leave out of the search, such as the report (default: none). */
  exclude?: string[];
  /** The working directory (default: `process.cwd()`). */
  cwd?: string;
}

/** What happened to one post. */
export interface PostOutcome {
  /** The post's path below the archive folder. */
  source: string;
  status: 'written' | 'skipped' | 'failed';
  /** The article file, relative to `cwd` (when written or skipped). */
  output?: string;
  /** Why it failed, when it did. */
  failure?: Finding;
  /** Warnings and notes, by source line. */
  findings: Finding[];
}

/** What an import did. */
export interface ImportResult {
  format: Format;
  /** Why the format was chosen, when it was detected. */
  detectedBy?: string;
  /** The archive and output folders, relative to `cwd`. */
  source: string;
  out: string;
  posts: PostOutcome[];
  /** Content files that are not posts. */
  ignored: Array<{ source: string; reason: string }>;
  /** Problems with the old site's settings file. */
  settings: Finding[];
}

/** A mistake in the command line: nothing was read or written. */
export class ImportUsageError extends Error {
  override name = 'ImportUsageError';
}

/**
 * Import an archive.
 *
 * @param options The archive, its format and where to write.
 * @returns Every post's outcome.
 * @throws {ImportUsageError} When the folder is missing, the format unknown, or `out` outside `content/`.
 */
export async function importArchive(options: Options): Promise<ImportResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = path.resolve(cwd, options.source);
  const out = path.resolve(cwd, options.out ?? 'content/articles/imported');
  const shown = (absolute: string) => path.relative(cwd, absolute) || '.';
  const folder = await stat(root).catch(() => undefined);
  if (!folder) throw new ImportUsageError(`The archive folder \`${options.source}\` does not exist. Give the folder that holds the old site, such as \`npm run import -- ../old-blog\`.`);
  if (!folder.isDirectory()) throw new ImportUsageError(`\`${options.source}\` is a file, not a folder. Give the folder that holds the old site.`);
  if (options.from !== undefined && !(FORMATS as readonly string[]).includes(options.from)) {
    throw new ImportUsageError(`Unknown \`--from\` value \`${options.from}\`. Expected \`jekyll\`, \`hugo\` or \`generic\`, or leave it out to detect the format.`);
  }
  const inContent = path.relative(path.join(cwd, 'content'), out);
  if (!options.force && (!inContent || inContent.startsWith('..') || path.isAbsolute(inContent))) {
    throw new ImportUsageError(`\`--out\` is \`${shown(out)}\`, which is not inside \`content/\`, so Broadsheet would never read the articles. Choose a folder such as \`content/articles/imported\`, or pass \`--force\` to write there anyway.`);
  }

  const exclude = [out, ...(options.exclude ?? []).map((file) => path.resolve(cwd, file))];
  const detected = options.from ? undefined : await detectFormat(root, exclude);
  const format = (options.from as Format | undefined) ?? detected!.format;
  const source = SOURCE_FORMATS[format];
  const settings = await readSiteSettings(root, format);
  const fallbackAuthor = options.author ? readByline(options.author).names : [];
  const discovery = await source.find(root, exclude);

  const result: ImportResult = {
    format,
    ...(detected ? { detectedBy: detected.because } : {}),
    source: shown(root),
    out: shown(out),
    posts: [],
    ignored: discovery.ignored.map(({ absolute, reason }) => ({ source: relativePath(root, absolute), reason })),
    settings: settings.findings,
  };
  const place = createPlacement();
  // Read a batch of posts at once and write them at once, but map them in order: which of two
  // posts keeps a name must not depend on which file the disk returned first.
  for (let start = 0; start < discovery.posts.length; start += BATCH) {
    const batch = discovery.posts.slice(start, start + BATCH).map((absolute) => ({ absolute, relative: relativePath(root, absolute) }));
    const reads = await Promise.all(batch.map(({ absolute, relative }) => (MARKDOWN.test(absolute) ? readSourcePost(absolute, relative) : undefined)));
    const writes: Array<Promise<void>> = [];
    for (const [index, { absolute, relative }] of batch.entries()) {
      const read = reads[index];
      const fail = (failure: Finding, findings: Finding[] = []) => result.posts.push({ source: relative, status: 'failed', failure, findings });
      if (!read) {
        fail(finding('not-markdown', undefined, path.extname(absolute)));
        continue;
      }
      if ('failure' in read) {
        fail(read.failure);
        continue;
      }
      const mapped = mapPost(read.post, source, settings, fallbackAuthor);
      if ('failure' in mapped) {
        fail(mapped.failure, mapped.findings);
        continue;
      }
      const { article, findings } = mapped;
      const body = convertBody(read.post.body, read.post.bodyLine);
      findings.push(...body.findings);
      const target = path.join(out, place(article, mapped.slug, relative, findings));
      const text = serializeArticle(article, body.text);
      if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
        fail(finding('too-large', undefined, '1 MiB'), findings);
        continue;
      }
      findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const outcome: PostOutcome = { source: relative, status: 'written', output: shown(target), findings };
      result.posts.push(outcome);
      writes.push(
        writeNewFile(target, text).then((status) => {
          if (status === 'exists') outcome.status = 'skipped';
        }),
        copyImages(body.text, path.dirname(absolute), path.dirname(target)),
      );
    }
    await Promise.all(writes);
  }
  return result;
}

/**
 * Copy the local images a post's body names (`![alt](photo.jpg)`, as in a Hugo page bundle) next
 * to the new article, since Broadsheet reads images from beside the article. Never overwrites;
 * an image that is missing in the old archive is left for the build to report, with its line.
 */
async function copyImages(body: string, from: string, to: string): Promise<void> {
  const sources = [...body.matchAll(/!\[[^\]]*\]\(\s*<?([\w./-]+\.(?:jpe?g|png|webp|gif|avif))>?/gi)].map((match) => match[1]!);
  await Promise.all(
    sources
      .filter((source) => !source.startsWith('/') && !source.split('/').includes('..'))
      .map(async (source) => {
        const target = path.join(to, source);
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(path.join(from, source), target, constants.COPYFILE_EXCL).catch(() => undefined);
      }),
  );
}

function relativePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
