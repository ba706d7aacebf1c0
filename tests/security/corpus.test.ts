/**
 * The bad-input corpus: one test per folder of `tests/fixtures/bad/` (see its README.md). Each case
 * is loaded next to one good article, in a fresh content folder; output-related cases are also built.
 * The test checks the outcome, the rule id and `file:line`, that the good article is never lost,
 * and that nothing forbidden reaches any output file or anywhere outside the output folder.
 *
 * Cases marked `bug` in expected.json describe how Broadsheet SHOULD behave and run as `it.fails`
 * until the bug is fixed; then vitest reports them, and the `bug` key is removed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { loadContent } from '../../src/content/load.ts';
import type { Content } from '../../src/content/model.ts';
import { ContentError } from '../../src/errors/report.ts';
import { findContentError, repoRoot } from '../helpers/build.ts';
import { md, SITE_YAML } from '../helpers/content.ts';
import { assertNothingRuns, assertTitleRoundTrips, findStrings, messagesWithoutPlace, readSite, squash, withTimeout } from './site-checks.ts';

/** The format of `tests/fixtures/bad/<case>/expected.json`. */
interface Expected {
  outcome: 'error' | 'warning' | 'ok';
  /** The rule of the message the case is about (required unless `outcome` is `ok`). */
  ruleId?: string;
  /** The file the message is on, below the case folder (default: `article.md`). */
  file?: string;
  line?: number;
  column?: number;
  /** Text the message must contain. */
  messageIncludes?: string | string[];
  /** Other files of the case that must carry a message with the same rule. */
  alsoOn?: string[];
  /** Strings that must appear in no output file (case-insensitive; feed HTML decoded). */
  absentFromOutput?: string[];
  /** Text the case article's page must show, and must not show (`article.story`, whitespace squashed). */
  pageTextIncludes?: string[];
  pageTextExcludes?: string[];
  /** Also build the site with `buildSite` (output checks, nothing written outside the output folder). */
  build?: boolean;
  /** `__MARKER__` in the case's files is a path that must never be written. */
  marker?: boolean;
  /** A generator below, for files that cannot be committed as text. */
  generate?: keyof typeof generators;
  /** Time limit for `loadContent`, in milliseconds. */
  maxMs?: number;
  /** A confirmed bug: the case says what should happen, and runs as `it.fails`. */
  bug?: string;
  notes: string;
}

const corpusDir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const SITE_URL = 'https://news.example.org';
const GOOD = { path: 'content/articles/good/good-article.md', url: '/2024/05/05/good-article/', title: 'A good article that must survive' };
const GOOD_ARTICLE = md(['title: A good article that must survive', 'date: 2024-05-05', 'author: Good Writer', 'tags: [Control]'], 'This control article is published by every build that is not an error.\n');
/** Where the site is built: deep enough that `../..` from it is still inside the temporary root. */
const OUTPUT = path.join('out', 'deep', 'site');

const valid = (body: string, title = 'A generated case') => md([`title: ${title}`, 'date: 2025-03-14', 'author: Case Writer'], body);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Inputs that cannot be committed as text: each writes into the case's folder `bad`. */
const generators = {
  'nfc-nfd-names': async ({ bad }: Where) => {
    await writeFile(path.join(bad, 'caf\u00e9.md'), valid('Written with a precomposed é.\n', 'Café (NFC)'));
    await writeFile(path.join(bad, 'cafe\u0301.md'), valid('Written with e and a combining accent.\n', 'Café (NFD)'));
  },
  'latin1': async ({ bad }: Where) => {
    await writeFile(path.join(bad, 'article.md'), new Uint8Array([...utf8('---\ntitle: Caf'), 0xe9, ...utf8('\ndate: 2025-03-14\nauthor: Case Writer\n---\nBody.\n')]));
  },
  'bom-crlf': async ({ bad }: Where) => {
    await writeFile(path.join(bad, 'article.md'), '\uFEFF---\r\ntitle: "Río vote"\r\ndate: 2025-03-14\r\nauthor: Case Writer\r\n---\r\nFirst line\r\nof the paragraph.\r\n');
  },
  'five-megabytes': async ({ bad }: Where) => {
    const head = valid('');
    await writeFile(path.join(bad, 'article.md'), head + 'All work and no play. '.repeat(Math.ceil((5 * 1024 * 1024 - head.length) / 22)).slice(0, 5 * 1024 * 1024 - head.length));
  },
  'nul-byte': async ({ bad }: Where) => {
    await writeFile(path.join(bad, 'article.md'), valid('Before\u0000after the NUL byte.\n'));
  },
  'control-chars-body': async ({ bad }: Where) => {
    await writeFile(path.join(bad, 'article.md'), valid('Backspace\u0008 here, NUL\u0000 there and U+FFFE\uFFFE too.\n'));
  },
  'deep-nesting': async ({ bad }: Where) => {
    await writeFile(path.join(bad, 'article.md'), md([`title: ${'['.repeat(5000)}${']'.repeat(5000)}`, 'date: 2025-03-14', 'author: Case Writer']));
  },
  'long-title': async ({ bad }: Where) => {
    await writeFile(path.join(bad, 'article.md'), valid('Body.\n', 'x'.repeat(5000)));
  },
  'symlink-outside': async ({ root, bad }: Where) => {
    await mkdir(path.join(root, 'outside'), { recursive: true });
    await writeFile(path.join(root, 'outside', 'secret.md'), valid('TOP SECRET: this file lives outside content/.\n', 'Secret'));
    await symlink(path.join(root, 'outside', 'secret.md'), path.join(bad, 'linked.md'));
  },
  'symlink-directory': async ({ root, bad }: Where) => {
    await mkdir(path.join(root, 'outside'), { recursive: true });
    await writeFile(path.join(root, 'outside', 'secret.md'), valid('TOP SECRET: this file lives outside content/.\n', 'Secret'));
    await symlink(path.join(root, 'outside'), path.join(bad, 'linked'));
  },
};

interface Where {
  /** The temporary root: `content/`, `public/`, `out/deep/site/`. */
  root: string;
  /** `content/articles/bad/`, where the case's files go. */
  bad: string;
}

const cases = readdirSync(corpusDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('the bad-input corpus', () => {
  it('should hold at least 30 cases, each with a valid expected.json', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const name of cases) {
      const expected = readExpected(name);
      expect(['error', 'warning', 'ok'], name).toContain(expected.outcome);
      if (expected.outcome !== 'ok') expect(expected.ruleId, name).toBeTypeOf('string');
      if (expected.outcome !== 'ok') expect(expected.line, name).toBeTypeOf('number');
      if (expected.generate) expect(generators, name).toHaveProperty([expected.generate]);
      expect(expected.notes, name).toBeTypeOf('string');
    }
  });

  for (const name of cases) {
    const expected = readExpected(name);
    const title =
      expected.outcome === 'ok'
        ? `should publish ${name} with no message`
        : `should ${expected.outcome === 'error' ? 'refuse' : 'publish'} ${name} with ${expected.ruleId} at ${expected.line}${expected.column ? `:${expected.column}` : ''}`;
    // A confirmed bug: the case states the behaviour we want; `it.fails` until src/ is fixed.
    // `BROADSHEET_SHOW_BUGS=1 npx vitest run tests/security/corpus.test.ts` runs them as plain
    // tests, to read why each one fails.
    (expected.bug && process.env.BROADSHEET_SHOW_BUGS !== '1' ? it.fails : it)(expected.bug ? `${title} (known bug, see expected.json)` : title, () => runCase(name, expected));
  }
});

function readExpected(name: string): Expected {
  return JSON.parse(readFileSync(path.join(corpusDir, name, 'expected.json'), 'utf8')) as Expected;
}

async function runCase(name: string, expected: Expected): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), `broadsheet-bad-${name}-`));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const contentDir = path.join(root, 'content');
  const publicDir = path.join(root, 'public');
  const bad = path.join(contentDir, 'articles', 'bad');
  const marker = path.join(root, 'pwned-marker');
  await mkdir(bad, { recursive: true });
  await writeFile(path.join(contentDir, 'site.yaml'), SITE_YAML);
  await mkdir(path.join(contentDir, 'articles', 'good'));
  await writeFile(path.join(root, GOOD.path), GOOD_ARTICLE);
  await cp(path.join(repoRoot, 'public'), publicDir, { recursive: true });
  await copyCase(path.join(corpusDir, name), bad, marker);
  if (expected.generate) await generators[expected.generate]({ root, bad });

  // 1. Load.
  const started = performance.now();
  const loaded = await withTimeout(loadContent({ cwd: root, contentDir, cacheDir: false }), 20_000, `loadContent(${name})`).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const elapsed = performance.now() - started;
  if (expected.maxMs !== undefined) expect(elapsed, 'loadContent time (ms)').toBeLessThan(expected.maxMs);
  if ('error' in loaded && !(loaded.error instanceof ContentError)) throw loaded.error; // never another exception type
  const files: readonly VFile[] = 'error' in loaded ? (loaded.error as ContentError).files : loaded.value.files;
  expect(messagesWithoutPlace(files), 'every message has a rule id, a line and a column').toEqual([]);
  const good = files.find((file) => file.path === GOOD.path);
  expect(good?.messages.map((message) => message.reason) ?? [], 'the good article is not blamed').toEqual([]);

  const badFile = (file: string) => files.find((candidate) => candidate.path === `content/articles/bad/${file}`);
  const file = expected.file ?? 'article.md';
  let content: Content | undefined;
  if (expected.outcome === 'error') {
    expect('error' in loaded, 'loadContent throws a ContentError').toBe(true);
    const error = (loaded as { error: ContentError }).error;
    const message = findMessage(badFile(file), expected, true);
    for (const text of [expected.messageIncludes ?? []].flat()) expect(message.reason).toContain(text);
    for (const other of expected.alsoOn ?? []) findMessage(badFile(other), { ...(expected.ruleId ? { ruleId: expected.ruleId } : {}) }, true);
    // The printed report names the file, then `line:column`.
    expect(error.message).toContain(`content/articles/bad/${file}`);
    expect(error.message).toMatch(new RegExp(`(^|\\s)${expected.line}:${expected.column ?? '\\d+'}\\s`, 'm'));
  } else {
    expect('value' in loaded ? undefined : String((loaded as { error: unknown }).error), 'loadContent succeeds').toBeUndefined();
    content = (loaded as { value: { content: Content } }).value.content;
    expect(files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}: ${m.reason}`)), 'no errors').toEqual([]);
    if (expected.outcome === 'warning') {
      const message = findMessage(badFile(file), expected, false);
      for (const text of [expected.messageIncludes ?? []].flat()) expect(message.reason).toContain(text);
    } else {
      const onCase = files.filter((f) => f.path.startsWith('content/articles/bad/')).flatMap((f) => f.messages.map((m) => `${f.path}: ${m.ruleId} ${m.reason}`));
      expect(onCase, 'no message on the case files').toEqual([]);
    }
    expect(content.articles.map((article) => article.url), 'nothing is lost').toContain(GOOD.url);
  }
  if (expected.marker) expect(existsSync(marker), 'the marker file was written: code ran').toBe(false);

  // 2. Build.
  if (!expected.build) return;
  const before = new Set(await listTree(root));
  const outputDir = path.join(root, OUTPUT);
  const built = await withTimeout(buildSite({ contentDir, publicDir, outputDir }), 60_000, `buildSite(${name})`).then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  // Nothing may appear outside the output folder (the marker, a `../` page, a staging folder).
  const created = (await listTree(root)).filter((entry) => !before.has(entry));
  const outside = created.filter((entry) => !(entry === OUTPUT || OUTPUT.startsWith(`${entry}${path.sep}`) || entry.startsWith(`${OUTPUT}${path.sep}`)));
  expect(outside, 'files written outside the output folder').toEqual([]);
  if (expected.marker) expect(existsSync(marker), 'the marker file was written: code ran').toBe(false);

  if (expected.outcome === 'error') {
    expect(built, 'buildSite refuses the content').toBeDefined();
    const contentError = findContentError(built!.error);
    expect(contentError, `buildSite fails with a ContentError, not ${String(built!.error)}`).toBeInstanceOf(ContentError);
    expect(contentError!.files.some((f) => f.path.endsWith(`/articles/bad/${file}`) && f.messages.some((m) => m.ruleId === expected.ruleId))).toBe(true);
    expect(existsSync(outputDir), 'a failed build leaves no output folder').toBe(false);
    return;
  }
  expect(built && String(built.error), 'buildSite succeeds').toBeUndefined();
  const site = await readSite(outputDir);
  assertNothingRuns(site);
  expect(findStrings(site, expected.absentFromOutput ?? [])).toEqual([]);
  expect(site.files.has(`${GOOD.url}index.html`), 'the good article is published').toBe(true);
  expect(site.files.get('/feed.xml')).toContain(`<link>${SITE_URL}${GOOD.url}</link>`);
  await assertPublicFilesIntact(publicDir, outputDir);
  const published = content!.articles.filter((article) => article.sourcePath.startsWith('content/articles/bad/'));
  for (const article of published) assertTitleRoundTrips(site, article, SITE_URL);
  const own = published.find((article) => article.sourcePath === `content/articles/bad/${file}`);
  if (expected.pageTextIncludes || expected.pageTextExcludes) {
    expect(own, 'the case article is published').toBeDefined();
    const text = squash(load(site.files.get(`${own!.url}index.html`)!)('article.story .story-body').text());
    for (const wanted of expected.pageTextIncludes ?? []) expect(text).toContain(wanted);
    for (const unwanted of expected.pageTextExcludes ?? []) expect(text).not.toContain(unwanted);
  }
}

/** Copy a case folder's inputs (all but expected.json) into `bad`, putting the marker path in. */
async function copyCase(from: string, to: string, marker: string): Promise<void> {
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'expected.json') continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, (await readFile(source, 'utf8')).replaceAll('__MARKER__', marker));
  }
}

/** The message of the expected rule (and place) on a file, or a failure listing what is there. */
function findMessage(file: VFile | undefined, expected: Pick<Expected, 'ruleId' | 'line' | 'column'>, fatal: boolean): VFileMessage {
  expect(file, 'the case file is among the files read').toBeDefined();
  const matches = (message: VFileMessage) =>
    message.ruleId === expected.ruleId &&
    message.fatal === fatal &&
    (expected.line === undefined || message.line === expected.line) &&
    (expected.column === undefined || message.column === expected.column);
  const found = file!.messages.find(matches);
  const place = `${expected.ruleId}@${expected.line ?? '*'}:${expected.column ?? '*'}`;
  expect(found, `no ${fatal ? 'error' : 'warning'} ${place} on ${file!.path}; it has ${JSON.stringify(file!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'}`))}`).toBeDefined();
  return found!;
}

/** Every file and folder below `dir`, relative to it. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Each file of `public/` reaches the site byte for byte (no page may replace one). */
async function assertPublicFilesIntact(publicDir: string, outputDir: string): Promise<void> {
  for (const entry of await readdir(publicDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(publicDir, path.join(entry.parentPath, entry.name));
    const copy = await readFile(path.join(outputDir, relative)).catch(() => undefined);
    expect(copy && Buffer.compare(copy, await readFile(path.join(publicDir, relative))) === 0, `public/${relative} reaches the site unchanged`).toBe(true);
  }
}
