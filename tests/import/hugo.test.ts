import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLD_PATH_PATTERN } from '../../src/content/schema.ts';
import type { ImportResult } from '../../src/import/import-archive.ts';
import { findingsOn, importFixture, loadImported, type Written } from './helpers.ts';

let imported: Awaited<ReturnType<typeof importFixture>>;
let result: ImportResult;
let read: (source: string) => Promise<Written>;

beforeAll(async () => {
  imported = await importFixture('hugo');
  ({ result, read } = imported);
});

afterAll(() => imported?.cleanup());

describe('importing a Hugo archive', () => {
  it('should detect Hugo from `hugo.toml`, and read only `content/posts/`', () => {
    expect(result.format).toBe('hugo');
    expect(result.posts.map((post) => post.source)).not.toContain('content/about.md');
  });

  it('should read TOML front matter: dates, `lastmod`, `slug`, `summary`, tags and categories', async () => {
    const { data } = await read('content/posts/bridge-reopens.md');
    expect(data).toEqual({
      title: 'Bridge reopens after repairs',
      date: '2024-03-05T09:00:00-05:00',
      updated: '2024-03-06T10:00:00-05:00',
      author: 'Ana Ruiz',
      tags: ['Transport', 'Infrastructure', 'Local'],
      description: 'The river bridge carries traffic again.',
      // The `permalinks` pattern, then `aliases` (a relative one is below the section).
      aliases: ['/2024/03/bridge-open/', '/old/bridge/', '/posts/bridge-news/'],
    });
  });

  it('should drop `weight` with a note, and warn about fields with no place in Broadsheet', () => {
    expect(findingsOn(result, 'content/posts/bridge-reopens.md')).toEqual(
      expect.arrayContaining(['presentation-dropped@12', 'field-dropped@13', 'field-dropped@15']),
    );
  });

  it('should leave shortcodes in place and list each with its line, but unescape `{{</* */>}}`', async () => {
    const { body } = await read('content/posts/bridge-reopens.md');
    expect(body).toContain('{{< youtube abc123 >}}');
    expect(body).toContain('write {{< youtube id >}} in your post');
    const found = findingsOn(result, 'content/posts/bridge-reopens.md');
    expect(found.filter((item) => item.startsWith('shortcode'))).toEqual(['shortcode@20', 'shortcode@22', 'shortcode-unescaped@26']);
  });

  it('should turn the `highlight` shortcode into fenced code', async () => {
    expect((await read('content/posts/bridge-reopens.md')).body).toContain('```go\nfmt.Println("open")\n```');
  });

  it('should read YAML front matter: `publishDate`, `url` as the old URL, `draft`', async () => {
    expect((await read('content/posts/library-hours.md')).data).toEqual({
      title: 'Library extends opening hours',
      date: '2024-04-10',
      author: 'Li Wei',
      description: 'The library opens until nine on weekdays.',
      draft: true,
      aliases: ['/2019/library-hours-legacy/'],
    });
  });

  it('should name a page bundle after its folder, and sign it with the site’s author', async () => {
    const { data } = await read('content/posts/summer-fair/index.md');
    expect(data).toMatchObject({ author: 'Valley Desk', aliases: ['/2024/07/summer-fair-draws-record-crowds/'] });
    expect(result.posts.find((post) => post.source === 'content/posts/summer-fair/index.md')?.output).toMatch(/2024\/summer-fair\.md$/);
    expect(findingsOn(result, 'content/posts/summer-fair/index.md')).toEqual(['author-from-settings@-']);
  });

  it('should list section pages and bundle resources as not posts', () => {
    expect(result.ignored.map((file) => file.source)).toEqual(['content/posts/_index.md', 'content/posts/summer-fair/notes.md']);
  });

  it('should keep Greek and Chinese titles, and make an ASCII slug where the name has none', async () => {
    expect((await read('content/posts/athens-metro.md')).data).toMatchObject({ title: 'Αθήνα: νέα γραμμή μετρό', author: 'Νίκος Παππάς', tags: ['Μεταφορές'] });
    const chinese = result.posts.find((post) => post.source === 'content/posts/北京.md');
    expect(chinese?.output).toMatch(/2024\/post-[0-9a-f]{8}\.md$/);
    expect((await read('content/posts/北京.md')).data).toMatchObject({ title: '北京地铁新线开通', author: '王芳' });
  });

  it('should percent-encode old URLs outside ASCII, or drop them with a warning when aliases cannot hold them', async () => {
    const { data } = await read('content/posts/athens-metro.md');
    const encoded = `/2024/08/${encodeURIComponent('αθήνα-νέα-γραμμή-μετρό')}/`;
    // The schema's pattern for `aliases` decides whether `%XX` escapes are allowed.
    if (OLD_PATH_PATTERN.test(encoded)) {
      expect(data.aliases).toEqual([encoded]);
    } else {
      expect(data.aliases).toBeUndefined();
      expect(findingsOn(result, 'content/posts/athens-metro.md')).toContain('alias-dropped@-');
    }
  });

  it('should not write a post whose TOML does not parse, and give the line', () => {
    const broken = result.posts.find((post) => post.source === 'content/posts/broken-toml.md');
    expect(broken).toMatchObject({ status: 'failed', failure: { ruleId: 'frontmatter-unparseable', line: 3 } });
  });

  it('should write articles that Broadsheet loads without errors', async () => {
    const { content } = await loadImported(imported.cwd);
    expect(content.articles).toHaveLength(5);
  });
});
