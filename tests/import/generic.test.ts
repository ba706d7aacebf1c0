import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/import/import-archive.ts';
import { findingsOn, importFixture, loadImported, type Written } from './helpers.ts';

let imported: Awaited<ReturnType<typeof importFixture>>;
let result: ImportResult;
let read: (source: string) => Promise<Written>;

beforeAll(async () => {
  imported = await importFixture('generic');
  ({ result, read } = imported);
});

afterAll(() => imported?.cleanup());

describe('importing a generic Markdown tree', () => {
  it('should fall back to the generic format when there are no Jekyll or Hugo signs', () => {
    expect(result.format).toBe('generic');
  });

  it('should split a byline string naming several people into a list, with a warning', async () => {
    expect((await read('posts/2023/chart-of-the-week.mdx')).data.author).toEqual(['Ana Ruiz', 'Li Wei']);
    expect((await read('posts/joint-byline.md')).data.author).toEqual(['A. Baker', 'C. Diaz', 'E. Fox']);
    expect(findingsOn(result, 'posts/joint-byline.md')).toContain('byline-split@4');
  });

  it('should make `category` and `categories` tags, and split a comma-separated `tags` string', async () => {
    expect((await read('posts/2023/chart-of-the-week.mdx')).data.tags).toEqual(['Science']);
    expect((await read('posts/joint-byline.md')).data.tags).toEqual(['Weather', 'Floods']);
    expect((await read('notes/market-day.md')).data).toMatchObject({ tags: ['market', 'food', 'town square'], draft: true });
  });

  it('should drop presentation fields with a note, and other unknown fields with a warning', () => {
    const found = result.posts.find((post) => post.source === 'posts/joint-byline.md')!.findings;
    expect(found.filter((item) => item.ruleId === 'presentation-dropped').map((item) => item.message.split('`')[1])).toEqual(['weight', 'menu', 'image_class', 'comments']);
    expect(found.find((item) => item.ruleId === 'field-dropped')).toMatchObject({ severity: 'warning', line: 12, message: expect.stringContaining('`hero_image`') });
    expect(findingsOn(result, 'posts/2023/chart-of-the-week.mdx').filter((item) => item.startsWith('presentation'))).toEqual([
      'presentation-dropped@6',
      'presentation-dropped@7',
      'presentation-dropped@8',
      'presentation-dropped@9',
    ]);
  });

  it('should keep `permalink` as an alias and `description` as it is', async () => {
    expect((await read('posts/joint-byline.md')).data).toMatchObject({
      date: '2023-02-14T07:45:00Z',
      description: 'Reporting from three towns.',
      aliases: ['/stories/flood.html'],
    });
  });

  it('should leave MDX imports and components in place, list them, and ignore components in code', async () => {
    const { body } = await read('posts/2023/chart-of-the-week.mdx');
    expect(body).toContain("import { Chart } from '../components/Chart.js'");
    expect(body).toContain('<Chart data="rain-2022.csv" height={300} />');
    expect(findingsOn(result, 'posts/2023/chart-of-the-week.mdx').filter((item) => item.startsWith('mdx'))).toEqual(['mdx-import@11', 'mdx-component@15']);
    expect(result.posts.find((post) => post.source === 'posts/2023/chart-of-the-week.mdx')?.output).toMatch(/chart-of-the-week\.md$/);
  });

  it('should take the title from a first-line heading and the date from the file name', async () => {
    expect((await read('posts/2023-05-06-heading-only.md')).data).toEqual({ title: 'Council elects a new mayor', date: '2023-05-06', author: 'Li Wei' });
    expect(findingsOn(result, 'posts/2023-05-06-heading-only.md')).toEqual(['title-from-heading@4']);
  });

  it('should not write posts with broken YAML or no byline, and say why', () => {
    expect(result.posts.filter((post) => post.status === 'failed').map((post) => [post.source, post.failure?.ruleId, post.failure?.line])).toEqual([
      ['posts/broken-yaml.md', 'frontmatter-unparseable', 2],
      ['posts/no-author.md', 'no-author', undefined],
    ]);
  });

  it('should sign posts without a byline with `--author`', async () => {
    const again = await importFixture('generic', { author: 'Staff Reporter' });
    try {
      expect((await again.read('posts/no-author.md')).data.author).toBe('Staff Reporter');
      expect(again.result.posts.find((post) => post.source === 'posts/no-author.md')?.findings.map((item) => item.message)).toEqual([
        'The post names no author, so the byline is `Staff Reporter`, from `--author`.',
      ]);
    } finally {
      await again.cleanup();
    }
  });

  it('should write articles that Broadsheet loads without errors', async () => {
    const { content } = await loadImported(imported.cwd);
    expect(content.articles.map((article) => article.title).sort()).toEqual([
      'Chart of the week: rainfall',
      'Council elects a new mayor',
      'Market day returns',
      'Three reporters, one flood',
    ]);
  });
});
