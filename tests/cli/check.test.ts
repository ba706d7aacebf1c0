import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkContent, toFindings } from '../../src/cli/check.ts';
import { article, writeContent } from '../helpers/content.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Run `npm run check`'s script the way an editor does, in a content folder. */
async function checkCommand(contentDir: string, ...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/check.ts'), '--content', contentDir, ...args], { cwd: repoRoot });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('npm run check', () => {
  it('should warn about bylines without an author file, broken links, future dates and tag spellings, at their lines', async () => {
    const { contentDir } = await writeContent({
      articles: {
        '2025/a.md': article({ title: 'Ferry fares rise', date: '2025-03-04', author: 'Nobody Known', extra: ['tags: [Foreign Policy]'], body: 'See [the budget](/2025/03/05/budget/) and [nothing](/2025/01/01/nowhere/#x).' }),
        '2025/budget.md': article({ title: 'Budget', date: '2025-03-05', author: 'Amara Okafor', extra: ['tags: [Foreign Policy]'] }),
        '2025/c.md': article({ title: 'Policy', date: '2025-03-06', author: 'Amara Okafor', extra: ['tags: [foreign policy]'] }),
        '2099/future.md': article({ title: 'Later', date: '2099-01-01', author: 'Amara Okafor' }),
      },
      authors: { 'amara-okafor.md': '---\nname: Amara Okafor\n---\nBio.\n' },
    });
    const findings = toFindings(await checkContent({ contentDir, now: new Date('2026-01-01T00:00:00Z') }));
    const rule = (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId);
    expect(rule('unknown-author')).toMatchObject([{ file: expect.stringContaining('a.md'), line: 4, severity: 'warning' }]);
    expect(rule('broken-link')).toHaveLength(1);
    expect(rule('broken-link')[0]).toMatchObject({ message: expect.stringContaining('/2025/01/01/nowhere/#x'), line: expect.any(Number) });
    expect(rule('future-date')).toMatchObject([{ file: expect.stringContaining('future.md'), line: 3 }]);
    expect(rule('tag-spelling')).toMatchObject([{ file: expect.stringContaining('c.md') }]);
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
  });

  it('should exit 0 on warnings only, 1 on errors, and write nothing', async () => {
    const { contentDir, cwd } = await writeContent({ articles: { 'a.md': article({ author: 'Nobody Known' }) } });
    const warned = await checkCommand(contentDir);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/a\.md[\s\S]*4:1\s+warning[\s\S]*unknown-author/);

    const broken = await writeContent({ articles: { 'bad.md': '---\ntittle: x\n---\nBody.\n', 'good.md': article() } });
    const failed = await checkCommand(broken.contentDir);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/bad\.md[\s\S]*2:1\s+error[\s\S]*Did you mean `title`/);
    expect(await readdir(cwd)).toEqual(['content']); // no cache, no output
  });

  it('should print JSON for CI tools with --format json', async () => {
    const { contentDir } = await writeContent({ articles: { 'bad.md': '---\ntitle: x\ndate: 2025-02-30\nauthor: A\n---\n' } });
    const { code, stdout } = await checkCommand(contentDir, '--format', 'json');
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ errors: 1, warnings: expect.any(Number) });
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'invalid-field', line: 3, severity: 'error', file: expect.stringContaining('bad.md') }));
  });
});
