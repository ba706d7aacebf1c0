/**
 * Builds small content folders in temporary directories, for tests of the content layer.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { expect, onTestFinished } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { ContentError } from '../../src/errors/report.ts';
import type { Content } from '../../src/content/model.ts';
import type { RenderedMarkdown } from '../../src/pipeline/render.ts';

/** The site settings every fixture gets unless it gives its own `site.yaml`. */
export const SITE_YAML = [
  'name: The Test Ledger',
  'url: https://news.example.org',
  'language: en',
  'copyright: © The Test Ledger',
  'timezone: America/New_York',
  'perPage: 3',
  'feedSize: 5',
  '',
].join('\n');

/** Files to write, by path relative to the folder (`2025/budget.md`), as text or raw bytes. */
export type Files = Record<string, string | Uint8Array>;

/** What a content folder holds. */
export interface ContentFixture {
  /** Text of `site.yaml` (default: `SITE_YAML`). */
  site?: string;
  /** Files under `articles/`. */
  articles?: Files;
  /** Files under `authors/`. */
  authors?: Files;
  /** Files under `pages/`. */
  pages?: Files;
  /** Sub-folder of the temporary directory to use as `cwd`, such as `a/b` (default: none). */
  under?: string;
}

/** A written fixture: `cwd` is the temporary folder, `contentDir` is `content` inside it. */
export interface WrittenFixture {
  cwd: string;
  contentDir: string;
}

/**
 * Write a content folder into a new temporary directory, removed when the current test ends.
 *
 * @param fixture The files to write.
 * @returns Where it was written; pass both to `loadContent`.
 */
export async function writeContent(fixture: ContentFixture): Promise<WrittenFixture> {
  const temporary = await mkdtemp(path.join(tmpdir(), 'broadsheet-content-'));
  onTestFinished(() => rm(temporary, { recursive: true, force: true }));
  const cwd = path.join(temporary, fixture.under ?? '');
  const contentDir = path.join(cwd, 'content');
  await writeFiles(contentDir, { 'site.yaml': fixture.site ?? SITE_YAML });
  await writeFiles(path.join(contentDir, 'articles'), fixture.articles ?? {});
  await writeFiles(path.join(contentDir, 'authors'), fixture.authors ?? {});
  await writeFiles(path.join(contentDir, 'pages'), fixture.pages ?? {});
  return { cwd, contentDir };
}

async function writeFiles(folder: string, files: Files): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [name, value] of Object.entries(files)) {
    const target = path.join(folder, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, value);
  }
}

/**
 * The text of a Markdown content file: the frontmatter lines between `---` fences, then the body.
 * Line 1 is the opening fence, so the first frontmatter line is line 2 of the file.
 *
 * @param frontmatter YAML lines, exactly as an editor would write them.
 * @param body Markdown after the closing fence (default: one paragraph).
 * @returns The file text.
 */
export function md(frontmatter: readonly string[], body = 'The first paragraph of the story.\n'): string {
  return ['---', ...frontmatter, '---', body].join('\n');
}

/** Fields of a valid article, for `article()`. */
export interface ArticleFields {
  title?: string;
  date?: string;
  author?: string;
  /** Extra YAML lines after the required fields. */
  extra?: readonly string[];
  body?: string;
}

/**
 * A valid article file with sensible defaults, to change one thing at a time.
 *
 * @param fields What to change.
 * @returns The file text.
 */
export function article(fields: ArticleFields = {}): string {
  return md(
    [
      // Single quotes: YAML reads everything inside them as written (no `\` escapes).
      `title: '${(fields.title ?? 'Assembly passes the budget').replaceAll("'", "''")}'`,
      `date: ${fields.date ?? '2025-08-22'}`,
      `author: ${fields.author ?? 'Amara Okafor'}`,
      ...(fields.extra ?? []),
    ],
    fields.body,
  );
}

/**
 * Write a fixture and load it.
 *
 * @param fixture The files.
 * @param options `includeDrafts` as for `loadContent`; `cache` to use the render cache in the
 *   temporary folder (default: `false`, so each test renders its own bodies).
 * @returns What `loadContent` returns.
 */
export async function load(fixture: ContentFixture, { cache = false, ...options }: { includeDrafts?: boolean; cache?: boolean } = {}) {
  const where = await writeContent(fixture);
  // The default cache folder is `.cache/broadsheet` under `cwd`: inside the temporary folder.
  return loadContent({ ...where, ...(cache ? {} : { cacheDir: false }), ...options });
}

/**
 * Write a fixture, let `prepare` change it, load it, and fail the test unless it throws a `ContentError`.
 *
 * @param fixture The files.
 * @param prepare Changes that `writeContent` cannot make, such as symbolic links.
 * @returns The error.
 */
export async function loadError(fixture: ContentFixture, prepare?: (where: WrittenFixture) => Promise<void>): Promise<ContentError> {
  const where = await writeContent(fixture);
  await prepare?.(where);
  const error = await loadContent({ ...where, cacheDir: false }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

/**
 * The messages on one article of a failed load.
 *
 * @param error The error from `loadError`.
 * @param name Path of the article below `content/articles/`, such as `2025/a.md`.
 * @returns Its messages; the test fails when the error does not include the file.
 */
export function messagesOn(error: ContentError, name: string): VFileMessage[] {
  const file = error.files.find((candidate) => candidate.path === `content/articles/${name}`);
  if (!file) throw new Error(`No file \`${name}\` in the error; files: ${error.files.map((f) => f.path).join(', ')}`);
  return file.messages;
}

/**
 * Where each message on an article points, as `ruleId@line:column`, for compact assertions.
 *
 * @param error The error from `loadError`.
 * @param name Path of the article below `content/articles/`.
 * @returns One string per message.
 */
export function placesOn(error: ContentError, name: string): string[] {
  return messagesOn(error, name).map((message) => `${message.ruleId}@${message.line}:${message.column}`);
}

/**
 * Content with every rendered body made plain data: `html` and `text` read out (from the render
 * cache they are read when used) and the cache `key` left out, to compare loads with and without it.
 *
 * @param content What `loadContent` returned.
 * @returns A copy to compare with `toEqual`.
 */
export function plainContent(content: Content): unknown {
  const plain = (body: RenderedMarkdown) => {
    const { key: _key, ...rest } = body;
    return { ...rest, html: body.html, text: body.text };
  };
  return { ...content, articles: content.articles.map((item) => ({ ...item, body: plain(item.body) })) };
}
