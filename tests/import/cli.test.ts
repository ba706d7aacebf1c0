import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import.ts';
import { repoRoot } from '../helpers/build.ts';
import { fixtures, hashTree, workspace, type Workspace } from './helpers.ts';

let space: Workspace | undefined;
afterEach(() => space?.cleanup());

/** Run `main` in a fresh working folder, capturing what it prints. */
async function run(args: string[], where?: Workspace) {
  space = where ?? (await workspace());
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { cwd: space.cwd, log: (line) => out.push(line), error: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n'), cwd: space.cwd };
}

/** A small archive in which every post converts. */
async function cleanArchive(cwd: string): Promise<string> {
  const root = path.join(cwd, 'old-site');
  await mkdir(path.join(root, '_posts'), { recursive: true });
  await writeFile(path.join(root, '_posts', '2024-01-02-first.md'), '---\ntitle: First\nauthor: Ana Ruiz\n---\n{{ site.url }}\n');
  await writeFile(path.join(root, '_posts', '2024-01-03-second.md'), '---\ntitle: Second\nauthor: Li Wei\n---\nText.\n');
  return root;
}

describe('npm run import', () => {
  it('should print a short summary and the report path, and exit 1 when a post failed', async () => {
    const { code, out } = await run([path.join(fixtures, 'jekyll')]);
    expect(code).toBe(1);
    expect(out).toMatch(/^Imported 10 posts from `.+jekyll` \(jekyll\) into `content\/articles\/imported`: 7 written, 0 skipped \(already there\), 3 failed; 4 warnings to check\.\nReport: import-report\.md$/);
  });

  it('should exit 0 when every post converted, warnings allowed', async () => {
    space = await workspace();
    await cleanArchive(space.cwd);
    const { code, out } = await run(['old-site'], space);
    expect(code).toBe(0);
    expect(out).toContain('2 written, 0 skipped (already there), 0 failed; 1 warning to check.');
  });

  it('should leave every source file byte for byte as it was', async () => {
    const before = await hashTree(fixtures);
    for (const format of ['jekyll', 'hugo', 'generic']) {
      await run([path.join(fixtures, format), '--out', `content/articles/${format}`]);
      await space?.cleanup();
    }
    expect(await hashTree(fixtures)).toEqual(before);
  });

  it('should refuse to overwrite articles, and report them as skipped', async () => {
    space = await workspace();
    await cleanArchive(space.cwd);
    await run(['old-site'], space);
    const edited = path.join(space.cwd, 'content/articles/imported/2024/first.md');
    await writeFile(edited, 'edited by hand');
    const { code, out } = await run(['old-site'], space);
    expect(code).toBe(0);
    expect(out).toContain('0 written, 2 skipped (already there), 0 failed');
    expect(await readFile(edited, 'utf8')).toBe('edited by hand');
    expect(await readFile(path.join(space.cwd, 'import-report.md'), 'utf8')).toContain(
      '## Skipped: the article file already exists (2)\n\n- `_posts/2024-01-02-first.md` → `content/articles/imported/2024/first.md` was left as it was.',
    );
  });

  it('should replace an earlier report, but refuse to overwrite any other file with the report', async () => {
    space = await workspace();
    await cleanArchive(space.cwd);
    expect((await run(['old-site'], space)).code).toBe(0);
    expect((await run(['old-site'], space)).code).toBe(0);
    await writeFile(path.join(space.cwd, 'README.md'), '# My site\n');
    const { code, err } = await run(['old-site', '--report', 'README.md'], space);
    expect(code).toBe(1);
    expect(err).toBe('`README.md` already exists and is not an import report, so it was left as it is and nothing was imported. Choose another `--report` path.');
    expect(await readFile(path.join(space.cwd, 'README.md'), 'utf8')).toBe('# My site\n');
  });

  it('should refuse a folder that does not exist', async () => {
    const { code, err } = await run(['no-such-archive']);
    expect(code).toBe(1);
    expect(err).toBe('The archive folder `no-such-archive` does not exist. Give the folder that holds the old site, such as `npm run import -- ../old-blog`.');
  });

  it('should refuse an unknown `--from`, before reading anything', async () => {
    const { code, err, cwd } = await run([path.join(fixtures, 'jekyll'), '--from', 'wordpress']);
    expect(code).toBe(1);
    expect(err).toBe('Unknown `--from` value `wordpress`. Expected `jekyll`, `hugo` or `generic`, or leave it out to detect the format.');
    await expect(stat(path.join(cwd, 'import-report.md'))).rejects.toThrow(/ENOENT/);
  });

  it('should refuse an `--out` outside `content/` unless `--force`', async () => {
    space = await workspace();
    await cleanArchive(space.cwd);
    const refused = await run(['old-site', '--out', 'imported'], space);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^`--out` is `imported`, which is not inside `content\/`, so Broadsheet would never read the articles\./);
    await expect(stat(path.join(space.cwd, 'imported'))).rejects.toThrow(/ENOENT/);
    const forced = await run(['old-site', '--out', 'imported', '--force'], space);
    expect(forced.code).toBe(0);
    expect((await stat(path.join(space.cwd, 'imported/2024/first.md'))).isFile()).toBe(true);
  });

  it('should refuse an `--out` that climbs out of `content/`', async () => {
    const { code, err } = await run([path.join(fixtures, 'generic'), '--out', 'content/../elsewhere']);
    expect(code).toBe(1);
    expect(err).toContain('`--out` is `elsewhere`, which is not inside `content/`');
  });

  it('should refuse `content/` itself as `--out`, since articles belong in a folder below it', async () => {
    const { code, err } = await run([path.join(fixtures, 'generic'), '--out', 'content']);
    expect(code).toBe(1);
    expect(err).toContain('`--out` is `content`, which is not inside `content/`');
  });

  it('should ask for exactly one folder, and reject unknown options', async () => {
    expect((await run([])).err).toMatch(/^Give the folder of the archive to import\.\nUsage: npm run import -- <folder>/);
    expect((await run(['a', 'b'])).err).toMatch(/^Give one folder, not 2\./);
    const unknown = await run(['a', '--form', 'hugo']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Unknown option '--form'/);
  });

  it('should detect Jekyll from `_posts/` alone, Hugo from `+++` front matter, and obey `--from`', async () => {
    space = await workspace();
    const root = await cleanArchive(space.cwd);
    await run(['old-site', '--report', 'jekyll.md'], space);
    expect(await readFile(path.join(space.cwd, 'jekyll.md'), 'utf8')).toContain('as **jekyll** (detected: a `_posts/` folder is there)');
    await run(['old-site', '--from', 'generic', '--out', 'content/articles/generic', '--report', 'generic.md'], space);
    expect(await readFile(path.join(space.cwd, 'generic.md'), 'utf8')).toContain('as **generic** into');

    const hugoRoot = path.join(root, '..', 'toml-site');
    await mkdir(path.join(hugoRoot, 'notes'), { recursive: true });
    await writeFile(path.join(hugoRoot, 'notes', 'a.md'), '+++\ntitle = "A"\ndate = 2024-01-01\nauthor = "Ana Ruiz"\n+++\nText.\n');
    await run(['toml-site', '--out', 'content/articles/toml', '--report', 'hugo.md'], space);
    expect(await readFile(path.join(space.cwd, 'hugo.md'), 'utf8')).toContain('as **hugo** (detected: `notes/a.md` has TOML front matter)');
  });

  it('should run from the command line with the exit code of the import', async () => {
    space = await workspace();
    await cleanArchive(space.cwd);
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, [path.join(repoRoot, 'src/cli/import.ts'), 'old-site'], { cwd: space.cwd });
    expect(stdout).toContain('2 written');
    const failed = await promisify(execFile)(tsx, [path.join(repoRoot, 'src/cli/import.ts'), 'missing'], { cwd: space.cwd }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('does not exist') });
  });
});
