/**
 * Builds `tests/sites/broken/` (good articles next to a misspelt key, an impossible date, `---js`
 * frontmatter, an unclosed fence and an unquoted colon) over a site built from the basic fixture.
 * The build must fail once, name every bad file with its line and column, run no code from
 * content, and leave the published site exactly as it was.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentError } from '../../src/errors/report.ts';
import { buildFixture, findContentError, fixture, readTree, type BuiltSite } from '../helpers/build.ts';

/** Written by the `---js` fixture's frontmatter if anything ever evaluates it. */
const marker = path.join(tmpdir(), 'broadsheet-js-frontmatter-ran');
const ranFlag = () => (globalThis as { broadsheetFrontmatterRan?: boolean }).broadsheetFrontmatterRan === true;

/** Each bad file, with where its first error is and which rule reports it. */
const bad = [
  { file: 'unknown-key.md', line: 2, column: 1, ruleId: 'unknown-field', says: /tittle/ },
  { file: 'impossible-date.md', line: 3, column: 1, ruleId: 'invalid-field', says: /2025-02-30/ },
  { file: 'js-frontmatter.md', line: 1, column: 1, ruleId: 'frontmatter-language', says: /js/ },
  { file: 'unclosed-fence.md', line: 1, column: 1, ruleId: 'frontmatter-unclosed', says: /never closed/ },
  { file: 'unquoted-colon.md', line: 2, column: 8, ruleId: 'frontmatter-yaml', says: /quotes/ },
];
const good = ['good-ferry-fares.md', 'good-library-hours.md'];

let published: BuiltSite;
let before: Map<string, Buffer>;
let failure: unknown;
let contentError: ContentError | undefined;

beforeAll(async () => {
  await rm(marker, { force: true });
  published = await buildFixture('basic');
  before = await readTree(published.outputDir);
  failure = await buildFixture('broken', { outputDir: published.outputDir }).then(
    () => undefined,
    (error: unknown) => error,
  );
  contentError = findContentError(failure);
});

afterAll(async () => {
  await published?.cleanup();
  await rm(marker, { force: true });
});

describe('a build with broken content', () => {
  it('should reject with a ContentError in the error chain', () => {
    expect(failure).toBeInstanceOf(Error);
    expect(contentError).toBeDefined();
  });

  it('should carry a fatal message with line and column for every bad file', () => {
    for (const { file, line, column, ruleId } of bad) {
      const vfile = contentError!.files.find((candidate) => candidate.path.endsWith(`articles/${file}`));
      expect(vfile, file).toBeDefined();
      expect(
        vfile!.messages.map((message) => ({ line: message.line, column: message.column, ruleId: message.ruleId, fatal: message.fatal })),
        file,
      ).toContainEqual({ line, column, ruleId, fatal: true });
    }
  });

  it('should name every bad file and its line:column in the printed report', () => {
    const report = contentError!.message;
    // vfile-reporter style: the path on its own line, then indented `line:column  error  reason  rule`.
    const blocks = new Map(
      report
        .split(/\n\s*\n/)
        .map((block) => block.trim().split('\n'))
        .map(([header = '', ...rows]) => [header.trim(), rows.join('\n')] as const),
    );
    for (const { file, line, column, ruleId, says } of bad) {
      const header = [...blocks.keys()].find((key) => key.endsWith(`articles/${file}`));
      expect(header, `${file} in\n${report}`).toBeDefined();
      const row = blocks
        .get(header!)!
        .split('\n')
        .find((text) => text.trim().startsWith(`${line}:${column} `));
      expect(row, `${file} ${line}:${column}`).toBeDefined();
      expect(row).toMatch(/error/);
      expect(row).toContain(ruleId);
      expect(row).toMatch(says);
    }
  });

  it('should not mention the good files', () => {
    for (const file of good) expect(contentError!.message).not.toContain(file);
    for (const file of contentError!.files.filter((candidate) => good.some((name) => candidate.path.endsWith(name)))) {
      expect(file.messages).toEqual([]);
    }
  });

  it('should never run code from ---js frontmatter', () => {
    expect(existsSync(marker)).toBe(false);
    expect(ranFlag()).toBe(false);
  });

  it('should leave the previously built site byte-for-byte as it was', async () => {
    const after = await readTree(published.outputDir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after.keys()].filter((file) => !after.get(file)!.equals(before.get(file)!))).toEqual([]);
  });

  it('should leave no staging folder behind', async () => {
    expect(await readdir(path.dirname(published.outputDir))).toEqual([path.basename(published.outputDir)]);
  });
});

describe('the ---js fixture', () => {
  // Runs last: proves the fixture is a real threat, so the test above means something.
  it('should write its marker when a permissive front matter parser reads it', async () => {
    const text = await readFile(path.join(fixture('broken').contentDir, 'articles', 'js-frontmatter.md'), 'utf8');
    expect(existsSync(marker)).toBe(false);
    matter(text);
    expect(existsSync(marker)).toBe(true);
    delete (globalThis as { broadsheetFrontmatterRan?: boolean }).broadsheetFrontmatterRan;
  });
});
