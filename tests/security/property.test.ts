/**
 * Property-based tests of the content layer and the build with fast-check: whatever an editor
 * writes, Broadsheet either publishes something that cannot run code, or refuses with a
 * `ContentError` whose every message has a rule id and a place. Never another exception, never a hang.
 *
 * Reproduce a failure with the seed fast-check prints: `BROADSHEET_FC_SEED=<seed> npx vitest run
 * tests/security/property.test.ts`. `BROADSHEET_FC_RUNS=<n>` multiplies the number of runs.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { loadContent } from '../../src/content/load.ts';
import type { Content } from '../../src/content/model.ts';
import { ContentError } from '../../src/errors/report.ts';
import { findContentError, repoRoot } from '../helpers/build.ts';
import { md, SITE_YAML } from '../helpers/content.ts';
import { assertNothingRuns, assertTitleRoundTrips, fragmentProblems, messagesWithoutPlace, readSite, withTimeout } from './site-checks.ts';

// CI runs one fixed seed so a landing never depends on luck; elsewhere every run explores anew.
const SEED = process.env.BROADSHEET_FC_SEED ? Number(process.env.BROADSHEET_FC_SEED) : process.env.CI === 'true' ? 20261125 : undefined;
const SCALE = Number(process.env.BROADSHEET_FC_RUNS ?? 1);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)), ...(SEED === undefined ? {} : { seed: SEED }) });
/** A single load of one small file takes milliseconds; this much means a hang. */
const LOAD_LIMIT_MS = 5_000;
const SITE_URL = 'https://news.example.org';
const GOOD_URL = '/2024/05/05/good-article/';

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Characters pages and feeds cannot carry, and invisible ones that they can. */
const oddCharacter = fc.constantFrom('\u0000', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009F', '\uFFFE', '\uFFFF', '\u2028', '\u2029', '\u200B', '\u200E', '\uFEFF', '\r');
/** Markup, quoting and template syntax that must stay text. */
const hostile = fc.constantFrom(
  '<script>alert(1)</script>', '</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src=//evil.example>',
  '"', "'", '&', '&amp;', '&lt;', '&#x3C;', ']]>', '<![CDATA[', '<!--', '-->', '\\', '\\u0000', '`',
  '{{ 7*7 }}', '{% include "/etc/passwd" %}', '{# x #}', '${process.exit(1)}', '<%= 7*7 %>',
  '🎉', '👩‍👩‍👧', 'é', 'e\u0301', 'Zoë', '北京', 'مرحبا', 'İ', 'ß', '\u202Egnp.exe',
);
const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 });
/** Short text: words, hostile pieces, odd characters and random code points. */
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: oddCharacter }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }, { weight: 2, arbitrary: fc.constant(' ') }), { maxLength: 6 })
  .map((parts) => parts.join(''));

/** Pieces of YAML syntax, to make random text that is almost front matter. */
const yamlToken = fc.constantFrom(
  ':', ': ', '"', "'", '&a ', '*a', '!', '!!str ', '!!js/function ', '!!binary ', '!!timestamp ', '---', '...', '\t', '- ', '[', ']', '{', '}', ', ',
  '#', '|', '>-', '? ', '%YAML 1.1', '%TAG ! tag:x:', '@', '`', '\n', '\n', '\n', '\n  ', '\n    ', 'title', 'date', 'author', 'tags', 'draft', 'slug', 'aliases',
  'corrections', 'id', 'description', 'tittle', 'yes', 'no', 'on', 'null', '~', '0x1F', '1e400', '.inf', '2024-02-30', '2025-03-14', '2025-03-14T25:00', '\\u0000', '\\x08',
);
const yamlish = fc.array(fc.oneof({ weight: 5, arbitrary: yamlToken }, { weight: 2, arbitrary: text }), { maxLength: 40 }).map((parts) => parts.join(''));

/** A date as an editor might write it: real, impossible or not a date at all. */
const dateText = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).chain((date) =>
    fc.constantFrom('Z', '+05:30', '-04:00', '+14:00', '', '+2500').map((offset) => date.toISOString().slice(0, 19) + offset),
  ),
  fc.constantFrom('next tuesday', '2024-02-30', '2024-13-01', '2025-3-4', '14/03/2025', '2025-03-14T24:00:00', '0000-00-00', '', '1e3', 'yes'),
);

/** A YAML value: JSON (which is YAML) most of the time, written plain some of the time. */
const yamlValue = (value: unknown) => fc.boolean().map((plain) => (plain && typeof value === 'string' && /^[\w .:/-]*$/.test(value) ? value : JSON.stringify(value)));

/** Options for the front matter generator. */
interface FieldOptions {
  /** Only names with a letter or digit (see the corpus case `author-emoji-only`). */
  usableAuthors: boolean;
}

/** Front matter built from known fields with random, often wrong, values. */
const fields = ({ usableAuthors }: FieldOptions) => {
  const author = usableAuthors ? fc.tuple(text, fc.constantFrom('Ann', 'Zoë Ruiz', '李', 'O’Neil', 'x1'), text).map((parts) => parts.join('')) : text;
  return fc
    .record(
      {
        title: fc.oneof(text, fc.constant(''), fc.integer(), fc.constant(null), fc.string({ minLength: 290, maxLength: 320 })),
        date: fc.oneof({ weight: 5, arbitrary: dateText }, { weight: 1, arbitrary: fc.integer() }),
        author: fc.oneof(author, fc.array(author, { maxLength: 3 }), fc.constant([])),
        tags: fc.oneof(text, fc.array(fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(null, '', 2024, true, '🎉', 'Zoe') }), { maxLength: 4 }), fc.constantFrom('yes', 2024)),
        description: text,
        updated: dateText,
        slug: fc.oneof(fc.stringMatching(/^[a-z0-9-]{0,12}$/), fc.constantFrom('..', '../x', 'UPPER', 'a/b', '')),
        // `/old/` keeps aliases off the addresses the site generates (see `alias-collides-with-site-url`).
        aliases: fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,10}$/).map((s) => `/old/${s}/`), fc.constantFrom('/old/../x', 'javascript:alert(1)', '/old/%2e%2e/', 'old')), { maxLength: 2 }),
        id: fc.oneof(text, fc.integer()),
        draft: fc.oneof(fc.boolean(), fc.constantFrom('yes', 'true', 1)),
        // Only the two known keys (see `nested-unknown-key`).
        corrections: fc.array(fc.record({ date: dateText, text }, { requiredKeys: [] }), { maxLength: 2 }),
        tittle: text,
      },
      { requiredKeys: [] },
    )
    .chain((record) => {
      const entries = Object.entries(record);
      return fc.tuple(...entries.map(([, value]) => yamlValue(value))).map((values) => entries.map(([key], index) => `${key}: ${values[index]}`));
    });
};

/** Text that is still text once invisible characters are removed and it is trimmed. */
const visibleText = text.filter((value) => value.replace(/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF\s]/g, '') !== '');
const validDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

/** Valid front matter whose text is hostile: markup, quotes, template syntax, odd characters. */
const mostlyValid = (options: FieldOptions) =>
  fc
    .record(
      {
        title: visibleText,
        date: validDate,
        author: options.usableAuthors ? visibleText.map((name) => `Writer ${name}`) : visibleText,
        tags: fc.array(fc.tuple(text, fc.constantFrom('News', 'Zoë', '北京', 'x')).map(([a, b]) => a + b), { maxLength: 3 }),
        description: visibleText,
        updated: validDate,
        id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        corrections: fc.array(fc.record({ date: validDate, text: visibleText }), { maxLength: 2 }),
      },
      { requiredKeys: ['title', 'date', 'author'] },
    )
    .map((record) => Object.entries(record).map(([key, value]) => `${key}: ${JSON.stringify(value)}`));

/** Markdown with raw HTML, dangerous links, template syntax and odd characters. */
const scheme = fc.constantFrom('javascript:', 'JAVASCRIPT:', 'jav&#x09;ascript:', 'jav\tascript:', '&#106;avascript:', 'java%0ascript:', ' javascript:', 'vbscript:', 'data:text/html,', 'data:image/svg+xml;base64,PHN2Zz4=', 'https://example.org/', '//evil.example/', '/relative/', '#top', 'mailto:x@example.org', 'file:///etc/passwd');
const link = fc.tuple(text, scheme, fc.constantFrom('alert(1)', 'x', '')).chain(([label, s, rest]) =>
  fc.constantFrom(`[${label}](${s}${rest})`, `![${label}](${s}${rest})`, `<${s}${rest}>`, `[${label}][r]\n\n[r]: ${s}${rest}\n`, `<a href="${s}${rest}">${label}</a>`, `<img src="${s}${rest}">`),
);
const block = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: link },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: fc.constantFrom('# Heading {#id onclick=x}', '> quote', '- item\n- [ ] task', '| a | b |\n| - | - |\n| <b>1</b> | 2 |', 'Footnote[^1]\n\n[^1]: <script>x</script>', '```html\n<script>alert(1)</script>\n```', '    indented <script>', '***', '<details open ontoggle=alert(1)>', '<style>body{display:none}</style>', '<base href="//evil.example/">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<form action="javascript:alert(1)"><button>Go</button></form>', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<!-- comment -->', '<?php echo 1; ?>', '<![CDATA[ x ]]>') },
  { weight: 1, arbitrary: yamlish },
);
const body = fc.array(block, { maxLength: 8 }).chain((blocks) => fc.constantFrom('\n\n', '\n', ' ').map((glue) => blocks.join(glue) + '\n'));

/** Line endings as saved by different editors. */
const endings = (file: string) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => (eol === '\n' ? file : file.replace(/\n/g, eol)));

/** A whole file: fences (right or wrong), front matter (random or structured) and a body. */
const articleFile = (options: FieldOptions) =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.tuple(yamlish, body).map(([fm, b]) => `---\n${fm}\n---\n${b}`) },
      { weight: 3, arbitrary: fc.tuple(fields(options), body).map(([lines, b]) => md(lines, b)) },
      { weight: 3, arbitrary: fc.tuple(mostlyValid(options), body).map(([lines, b]) => md(lines, b)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('---', '---js', '--- js', '---JSON', '----', '', '\n---', '\uFEFF---', '---yaml', '+++', '--- '), yamlish, fc.constantFrom('---', '', '----', '...', '--- ', '---js'), body)
          .map(([open, fm, close, b]) => `${open}\n${fm}\n${close}\n${b}`),
      },
    )
    .chain(endings);

// ---------------------------------------------------------------------------------------------
// Checks

/** What the known bugs let through, counted so the report can say how often they were met. */
const knownBugHits = { unplacedUnknownField: 0 };

/**
 * The property for one load: success with safe HTML, or a ContentError with placed messages.
 *
 * @param outcome What `loadContent` resolved or rejected with.
 */
function checkLoad(outcome: { content: Content; files: VFile[] } | { error: unknown }): void {
  if ('error' in outcome && !(outcome.error instanceof ContentError)) throw outcome.error; // fails the property, with its stack
  const files = 'error' in outcome ? (outcome.error as ContentError).files : outcome.files;
  const unplaced = messagesWithoutPlace(files).filter((line) => {
    // Known bugs (corpus cases `yaml-empty-key`, `yaml-merge-key`, `nested-unknown-key`): an unknown
    // key that `collectPlaces` did not record has no line. Counted, not failed; every other
    // message must be placed.
    if (/: unknown-field@undefined:undefined /.test(line)) {
      knownBugHits.unplacedUnknownField++;
      return false;
    }
    return true;
  });
  expect(unplaced).toEqual([]);
  if ('error' in outcome) {
    expect(files.some((file) => file.messages.some((message) => message.fatal)), 'a ContentError carries an error').toBe(true);
    return;
  }
  for (const article of outcome.content.articles) {
    expect(article.url).toMatch(/^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
    for (const alias of article.aliases) expect(alias.split('/')).not.toContain('..');
    // Parsed, not searched: `<script>` inside an attribute value (`alt`, `aria-label`) is inert text.
    expect(fragmentProblems(article.body.html, article.sourcePath)).toEqual([]);
    expect(article.title + article.summary + article.tags.map((tag) => tag.name).join('')).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  }
}

async function settle<T>(promise: Promise<T>): Promise<T | { error: unknown }> {
  return promise.then(
    (value) => value,
    (error: unknown) => ({ error }),
  );
}

// ---------------------------------------------------------------------------------------------
// Tests

let root: string;
let contentDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'broadsheet-property-'));
  contentDir = path.join(root, 'content');
  await mkdir(path.join(contentDir, 'articles'), { recursive: true });
  await writeFile(path.join(contentDir, 'site.yaml'), SITE_YAML);
});

afterAll(async () => {
  if (knownBugHits.unplacedUnknownField) console.info(`[property] known bug met: ${knownBugHits.unplacedUnknownField} unknown-field message(s) without a line`);
  await rm(root, { recursive: true, force: true });
});

/** Load one file written to a reused content folder. */
async function loadOne(file: string): Promise<void> {
  await writeFile(path.join(contentDir, 'articles', 'case.md'), file);
  const started = performance.now();
  const outcome = await settle(withTimeout(loadContent({ cwd: root, contentDir, cacheDir: false, includeDrafts: true }), LOAD_LIMIT_MS, 'loadContent'));
  expect(performance.now() - started, 'loadContent time (ms)').toBeLessThan(LOAD_LIMIT_MS);
  checkLoad(outcome);
}

describe('loadContent on random input', () => {
  it('should publish safe HTML or refuse with placed messages, for random YAML-ish front matter', async () => {
    await fc.assert(fc.asyncProperty(fc.tuple(yamlish, body).chain(([fm, b]) => endings(`---\n${fm}\n---\n${b}`)), loadOne), runs(800));
  }, 120_000);

  it('should publish safe HTML or refuse with placed messages, for random fields, fences and bodies', async () => {
    await fc.assert(fc.asyncProperty(articleFile({ usableAuthors: false }), loadOne), runs(1200));
  }, 120_000);
});

describe('buildSite on random input', () => {
  it('should build a site where nothing runs, or refuse with a ContentError', async () => {
    const publicDir = path.join(root, 'public');
    await cp(path.join(repoRoot, 'public'), publicDir, { recursive: true });
    let builds = 0;
    let published = 0;
    const site = fc.array(fc.oneof({ weight: 3, arbitrary: fc.tuple(mostlyValid({ usableAuthors: true }), body).map(([lines, b]) => md(lines, b)) }, { weight: 1, arbitrary: articleFile({ usableAuthors: true }) }), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(site, async (articles) => {
        const run = await mkdtemp(path.join(root, 'build-'));
        try {
          const runContent = path.join(run, 'content');
          await mkdir(path.join(runContent, 'articles', 'good'), { recursive: true });
          await writeFile(path.join(runContent, 'site.yaml'), SITE_YAML);
          await writeFile(path.join(runContent, 'articles', 'good', 'good-article.md'), md(['title: A good article that must survive', 'date: 2024-05-05', 'author: Good Writer']));
          for (const [index, file] of articles.entries()) await writeFile(path.join(runContent, 'articles', `random-${index}.md`), file);
          const loaded = await settle(withTimeout(loadContent({ cwd: run, contentDir: runContent, cacheDir: false }), LOAD_LIMIT_MS, 'loadContent'));
          checkLoad(loaded);

          const outputDir = path.join(run, 'out', 'site');
          builds++;
          const built = await settle(withTimeout(buildSite({ contentDir: runContent, publicDir, outputDir }), 60_000, 'buildSite'));
          const entries = await readdir(run);
          expect(entries.sort(), 'nothing written beside content/ and out/').toEqual(['content', 'out']);
          if ('error' in loaded) {
            expect(built && 'error' in built && findContentError(built.error), `buildSite fails with a ContentError, not ${String((built as { error?: unknown })?.error)}`).toBeInstanceOf(ContentError);
            expect(existsSync(outputDir)).toBe(false);
            return;
          }
          expect(built && 'error' in built ? String(built.error) : undefined, 'buildSite succeeds when loadContent does').toBeUndefined();
          published++;
          const texts = await readSite(outputDir);
          assertNothingRuns(texts);
          expect(texts.files.has(`${GOOD_URL}index.html`)).toBe(true);
          for (const article of loaded.content.articles) assertTitleRoundTrips(texts, article, SITE_URL);
        } finally {
          await rm(run, { recursive: true, force: true });
        }
      }),
      runs(30),
    );
    console.info(`[property] ${builds} builds, ${published} published a site`);
    expect(published, 'some random sites were valid enough to build').toBeGreaterThan(0);
  }, 300_000);
});
