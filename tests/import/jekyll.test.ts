import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/import/import-archive.ts';
import { findingsOn, importFixture, loadImported, type Written } from './helpers.ts';

let imported: Awaited<ReturnType<typeof importFixture>>;
let result: ImportResult;
let read: (source: string) => Promise<Written>;

beforeAll(async () => {
  imported = await importFixture('jekyll');
  ({ result, read } = imported);
});

afterAll(() => imported?.cleanup());

describe('importing a Jekyll archive', () => {
  it('should detect Jekyll from `_config.yml`', () => {
    expect(result.format).toBe('jekyll');
    expect(result.detectedBy).toBe('`_config.yml` is there');
  });

  it('should map title, date, categories, tags, author and excerpt, and compute the old URL', async () => {
    const { data } = await read('_posts/2024-03-05-harbour-budget-vote.md');
    expect(data).toEqual({
      title: 'Harbour budget: council votes 7–2',
      date: '2024-03-05T14:30:00+01:00', // Jekyll's `2024-03-05 14:30:00 +0100`
      author: 'Ana Ruiz',
      tags: ['politics', 'budget', 'Harbour', 'Council'], // `categories: politics budget` is two categories
      description: 'The council approved the harbour budget after a long session.',
      aliases: ['/politics/budget/2024/03/05/harbour-budget-vote.html'],
    });
  });

  it('should drop `layout` and `comments` with a note', () => {
    expect(findingsOn(result, '_posts/2024-03-05-harbour-budget-vote.md')).toEqual(expect.arrayContaining(['presentation-dropped@2', 'presentation-dropped@9']));
  });

  it('should turn `published: false` into a draft, and read an `authors` list', async () => {
    const { data } = await read('_posts/2024-04-02-port-fees.md');
    expect(data).toMatchObject({ draft: true, author: ['Ana Ruiz', 'Li Wei'], tags: ['Economy'] });
    expect(data.aliases).toBeUndefined(); // Jekyll never published it, so it had no address
  });

  it('should make a post in `_drafts/` a draft', async () => {
    expect((await read('_drafts/harbour-master-profile.md')).data).toMatchObject({ draft: true, date: '2024-09-01' });
  });

  it('should take the date from the file name, or from the front matter when the name has none', async () => {
    expect((await read('_posts/2024-05-10-lodz-cafe.md')).data.date).toBe('2024-05-10');
    // No zone stays no zone: Broadsheet reads it in the newsroom's time zone.
    expect((await read('_posts/ferry-timetable.md')).data.date).toBe('2024-07-15T08:00:00');
  });

  it('should keep a non-ASCII title, and the post’s `permalink` and `redirect_from` as aliases', async () => {
    const { data } = await read('_posts/2024-05-10-lodz-cafe.md');
    expect(data.title).toBe('Łódź: Zoë’s café reopens «after» the flood');
    expect(data.aliases).toEqual(['/news/lodz-cafe/', '/2024/05/cafe/']);
  });

  it('should make the folders above `_posts/` categories, as Jekyll does', async () => {
    const { data } = await read('sports/_posts/2024-08-03-regatta-results.md');
    expect(data).toMatchObject({ tags: ['sports'], aliases: ['/sports/2024/08/03/regatta-results.html'] });
  });

  it('should split a space-separated `tags` string', async () => {
    expect((await read('_posts/2024-07-20-storm-pier.md')).data.tags).toEqual(['weather', 'storms']);
  });

  it('should turn `{% highlight %}` into fenced code and remove `{% raw %}` tags', async () => {
    const { body } = await read('_posts/2024-03-05-harbour-budget-vote.md');
    expect(body).toContain('```ruby\nbudget = Budget.new(total: 1_200_000)\n```');
    expect(body).not.toMatch(/highlight|raw %/);
    expect(body).toContain('\nTemplates write {{ page.title }} here, shown as written.\n');
  });

  it('should leave other Liquid in place, and list it with its source line', async () => {
    const { body } = await read('_posts/2024-03-05-harbour-budget-vote.md');
    expect(body).toContain('{% include figure.html src="/img/vote.jpg" %}');
    expect(body).toContain('{{ site.baseurl }}');
    expect(findingsOn(result, '_posts/2024-03-05-harbour-budget-vote.md')).toEqual(expect.arrayContaining(['liquid-tag@17', 'template-expression@19']));
    // Inside `{% raw %}` it was literal already, so it is not listed.
    expect(findingsOn(result, '_posts/2024-03-05-harbour-budget-vote.md')).not.toContain('template-expression@22');
  });

  it('should leave a raw HTML block in place and list it', async () => {
    expect((await read('_posts/2024-07-20-storm-pier.md')).body).toContain('<div class="video-embed">');
    expect(findingsOn(result, '_posts/2024-07-20-storm-pier.md')).toEqual(['raw-html@8', 'raw-html@10']);
  });

  it('should not write posts without a title or a date, or HTML posts, and say why', () => {
    const failed = result.posts.filter((post) => post.status === 'failed').map((post) => [post.source, post.failure?.ruleId]);
    expect(failed).toEqual([
      ['_posts/2024-06-01-untitled-notes.md', 'no-title'],
      ['_posts/2024-09-10-tide-table.html', 'not-markdown'],
      ['_posts/undated-column.md', 'no-date'],
    ]);
  });

  it('should write articles that Broadsheet loads without errors', async () => {
    const { content } = await loadImported(imported.cwd);
    expect(content.articles.map((article) => article.url).sort()).toEqual([
      '/2024/03/05/harbour-budget-vote/',
      '/2024/04/02/port-fees/',
      '/2024/05/10/lodz-cafe/',
      '/2024/07/15/ferry-timetable/',
      '/2024/07/20/storm-pier/',
      '/2024/08/03/regatta-results/',
      '/2024/09/01/harbour-master-profile/',
    ]);
  });
});
