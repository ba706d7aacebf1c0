import { existsSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, load, loadError, md, messagesOn, placesOn } from '../helpers/content.ts';

describe('loadContent: encodings and odd files', () => {
  it('should load a file with a UTF-8 BOM and CRLF line endings', async () => {
    const { content, files } = await load({
      articles: { '2025/windows.md': '\uFEFF---\r\ntitle: "Río vote"\r\ndate: 2025-08-22\r\nauthor: X\r\n---\r\nFirst line\r\nof the paragraph.\r\n' },
    });
    expect(content.articles[0]).toMatchObject({ title: 'Río vote', url: '/2025/08/22/windows/', summary: 'First line of the paragraph.' });
    expect(content.articles[0]!.body.html).not.toContain('\r');
    expect(files.flatMap((file) => file.messages)).toEqual([]);
  });

  it('should refuse a file that is not UTF-8', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('---\ntitle: Caf'), 0xe9, ...new TextEncoder().encode('\ndate: 2025-08-22\nauthor: X\n---\n')]);
    const error = await loadError({ articles: { '2025/latin1.md': latin1 } });
    expect(placesOn(error, '2025/latin1.md')).toEqual(['encoding@1:1']);
    expect(error.message).toContain('not valid UTF-8');
  });

  it('should remove control characters with a warning, not an error', async () => {
    const { content, files } = await load({ articles: { '2025/pasted.md': article({ title: 'Budget\u0008 vote', body: 'Vertical\u000B tab.\n' }) } });
    expect(content.articles[0]!.title).toBe('Budget vote');
    expect(content.articles[0]!.summary).toBe('Vertical tab.');
    const messages = files.flatMap((file) => file.messages);
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([['control-character', 2, 15, false]]);
    expect(messages[0]!.reason).toContain('U+0008');
  });

  it('should refuse a symbolic link', async () => {
    const error = await loadError({ articles: { '2025/real.md': article() } }, async ({ contentDir }) => {
      await symlink(path.join(contentDir, 'articles/2025/real.md'), path.join(contentDir, 'articles/2025/link.md'));
    });
    expect(placesOn(error, '2025/link.md')).toEqual(['symlink@1:1']);
    expect(placesOn(error, '2025/real.md')).toEqual([]);
  });

  it('should ignore files that are not Markdown', async () => {
    const { content } = await load({ articles: { '2025/a.md': article(), '2025/notes.txt': 'not an article', '2025/.DS_Store': '\u0000' } });
    expect(content.articles).toHaveLength(1);
  });
});

describe('loadContent: errors', () => {
  it('should report every bad file at once in one ContentError', async () => {
    const error = await loadError({
      articles: {
        '2025/good.md': article(),
        '2025/no-title.md': md(['date: 2025-08-22', 'author: X']),
        '2025/bad-date.md': article({ date: '2024-02-30' }),
        '2025/typo.md': article({ extra: ['tittle: Typo'] }),
      },
    });
    expect(error.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['no-title', 'bad-date', 'typo'].map((name) => `content/articles/2025/${name}.md`)),
    );
    for (const name of ['no-title', 'bad-date', 'typo']) {
      expect(error.message).toContain(`content/articles/2025/${name}.md`);
      expect(messagesOn(error, `2025/${name}.md`).length).toBeGreaterThan(0);
    }
    expect(error.message).not.toContain('good.md');
    expect(error.name).toBe('ContentError');
  });

  it('should print each problem as path then line:column', async () => {
    const error = await loadError({ articles: { '2025/bad-date.md': article({ date: '2024-02-30' }) } });
    expect(error.message).toMatch(/content\/articles\/2025\/bad-date\.md\n\s*3:1\s+error\s+`date`: `2024-02-30` is not a real calendar date/);
  });

  it('should put a schema error on the line of the offending key', async () => {
    const error = await loadError({
      articles: {
        '2025/a.md': md(['title: Budget', 'description: >', '  A long dek', '  over two lines.', 'date: 2025-08-22', 'author: X', 'draft: maybe']),
      },
    });
    const [message] = messagesOn(error, '2025/a.md');
    expect(message).toMatchObject({ ruleId: 'invalid-field', line: 8, column: 1, fatal: true });
    expect(message!.reason).toContain('`draft`');
  });

  it('should report a missing required field', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['date: 2025-08-22', 'author: X']) } });
    expect(messagesOn(error, '2025/a.md').map((m) => m.reason)).toEqual(['`title`: This field is required but missing.']);
  });

  it('should suggest `title` for the unknown key `tittle`, on its line', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['tittle: Budget', 'date: 2025-08-22', 'author: X']) } });
    const unknown = messagesOn(error, '2025/a.md').find((m) => m.ruleId === 'unknown-field')!;
    expect(unknown).toMatchObject({ line: 2, column: 1 });
    expect(unknown.reason).toContain('Unknown field `tittle`. Did you mean `title`?');
  });

  it('should report every problem in one file', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['title: ""', 'date: tomorrow', 'author: X', 'colour: red']) } });
    expect(placesOn(error, '2025/a.md').sort()).toEqual(['invalid-field@2:1', 'invalid-field@3:1', 'unknown-field@5:1']);
  });

  it('should refuse `---js` frontmatter at line 1 without running it', async () => {
    const marker = path.join(tmpdir(), `broadsheet-pwned-${process.pid}-${Date.now()}`);
    const error = await loadError({
      articles: { '2025/evil.md': `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\nBody\n` },
    });
    expect(placesOn(error, '2025/evil.md')).toEqual(['frontmatter-language@1:1']);
    expect(existsSync(marker)).toBe(false);
  });

  it.each([
    ['`---toml`', '---toml\ntitle = "x"\n---\nBody\n', 'frontmatter-language@1:1'],
    ['`---json`', '---json\n{"title": "x"}\n---\nBody\n', 'frontmatter-language@1:1'],
    ['a leading blank line', '\n---\ntitle: x\n---\nBody\n', 'frontmatter-missing@1:1'],
    ['no frontmatter', 'Just a body.\n', 'frontmatter-missing@1:1'],
    ['a missing closing fence', '---\ntitle: x\ndate: 2025-08-22\n\nBody\n', 'frontmatter-unclosed@1:1'],
    ['a list instead of fields', md(['- title', '- date']), 'frontmatter-not-mapping@2:1'],
  ])('should refuse a file with %s', async (_, text, expected) => {
    const error = await loadError({ articles: { '2025/a.md': text } });
    expect(placesOn(error, '2025/a.md')).toEqual([expected]);
  });

  it('should refuse invalid YAML such as an unquoted colon, and say how to quote it', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['title: Breaking: news', 'date: 2025-08-22', 'author: X']) } });
    const [message] = messagesOn(error, '2025/a.md');
    expect(message!.ruleId).toBe('frontmatter-yaml');
    expect(message!.reason).toContain('`title: "Breaking: news"`');
  });

  it('should put an invalid YAML error on its line', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['date: 2025-08-22', 'title: Breaking: news', 'author: X']) } });
    expect(messagesOn(error, '2025/a.md')[0]).toMatchObject({ ruleId: 'frontmatter-yaml', line: 3 });
  });

  it('should refuse a key given twice', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['title: One', 'date: 2025-08-22', 'title: Two', 'author: X']) } });
    const [message] = messagesOn(error, '2025/a.md');
    expect(message!.ruleId).toBe('frontmatter-yaml');
    expect(message!.reason).toContain('unique');
  });

  it('should put a duplicate key error on the line of the second key', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['title: One', 'date: 2025-08-22', 'title: Two', 'author: X']) } });
    expect(messagesOn(error, '2025/a.md')[0]).toMatchObject({ ruleId: 'frontmatter-yaml', line: 4 });
  });

  it('should refuse YAML anchors and aliases', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['title: &name Budget', 'date: 2025-08-22', 'author: *name']) } });
    const [message] = messagesOn(error, '2025/a.md');
    expect(message).toMatchObject({ ruleId: 'frontmatter-alias', line: 2 });
  });

  it.each([
    ['tags: yes', 'not `true`'],
    ['tags: 2024', 'not `2024`'],
    ['tags: {a: 1}', 'Expected one text value or a list of them'],
  ])('should refuse `%s` on the line of `tags`', async (line, reason) => {
    const error = await loadError({ articles: { '2025/a.md': article({ extra: [line] }) } });
    const [message] = messagesOn(error, '2025/a.md');
    expect(message).toMatchObject({ ruleId: 'invalid-field', line: 5, column: 1 });
    expect(message!.reason).toContain('`tags`');
    expect(message!.reason).toContain(reason);
  });

  it('should refuse a null and an empty tag in a list, pointing at each item', async () => {
    const error = await loadError({ articles: { '2025/a.md': article({ extra: ['tags: [news, null, ""]'] }) } });
    expect(placesOn(error, '2025/a.md')).toEqual(['invalid-field@5:14', 'invalid-field@5:20']);
    expect(messagesOn(error, '2025/a.md').map((m) => m.reason)).toEqual([
      expect.stringContaining('`tags.1`: Expected a tag as text'),
      '`tags.2`: Expected a tag, but it is empty.',
    ]);
  });

  it('should refuse a number where text is expected, and suggest quotes', async () => {
    const error = await loadError({ articles: { '2025/a.md': md(['title: 1984', 'date: 2025-08-22', 'author: X']) } });
    expect(messagesOn(error, '2025/a.md')[0]!.reason).toContain('put it in quotes');
  });

  it('should refuse a date YAML would read as a timestamp only when it is impossible', async () => {
    const { content } = await load({ articles: { '2025/a.md': article({ date: '2024-02-29' }) } });
    expect(content.articles[0]!.url).toBe('/2024/02/29/a/');
    const error = await loadError({ articles: { '2025/a.md': article({ date: '2023-02-29' }) } });
    expect(placesOn(error, '2025/a.md')).toEqual(['invalid-field@3:1']);
  });

  it('should refuse two files published at the same URL whose names differ only in case', async () => {
    const error = await loadError({
      articles: { '2024/Election.md': article({ date: '2025-09-03' }), '2025/election.md': article({ date: '2025-09-03' }) },
    });
    for (const name of ['2024/Election.md', '2025/election.md']) {
      const [message] = messagesOn(error, name);
      expect(message!.ruleId).toBe('duplicate-url');
      expect(message!.reason).toContain('/2025/09/03/election/');
      expect(message!.reason).toContain('`content/articles/2024/Election.md`');
      expect(message!.reason).toContain('`content/articles/2025/election.md`');
    }
  });

  it('should refuse two files whose names are the same word in NFC and NFD', async () => {
    const error = await loadError({ articles: { '2025/caf\u00e9.md': article(), '2025/cafe\u0301.md': article() } });
    for (const name of ['2025/caf\u00e9.md', '2025/cafe\u0301.md']) {
      expect(messagesOn(error, name).map((m) => m.ruleId)).toEqual(['duplicate-url']);
    }
  });

  it('should put a duplicate URL made by `slug` on the `slug` line', async () => {
    const error = await loadError({ articles: { '2025/a.md': article({ extra: ['slug: b'] }), '2025/b.md': article() } });
    expect(placesOn(error, '2025/a.md')).toEqual(['duplicate-url@5:1']);
    expect(placesOn(error, '2025/b.md')).toEqual(['duplicate-url@1:1']);
  });

  it('should refuse two articles with the same `id`', async () => {
    const error = await loadError({
      articles: { '2025/a.md': article({ extra: ['id: story-1'] }), '2025/b.md': article({ date: '2025-08-23', extra: ['id: story-1'] }) },
    });
    for (const name of ['2025/a.md', '2025/b.md']) {
      const [message] = messagesOn(error, name);
      expect(message).toMatchObject({ ruleId: 'duplicate-id', line: 5 });
      expect(message!.reason).toContain('`content/articles/2025/a.md`, `content/articles/2025/b.md`');
    }
  });

  it('should refuse a page named after a path the site uses', async () => {
    const error = await loadError({ pages: { 'tags.md': md(['title: Tags']) } });
    const page = error.files.find((file) => file.path === 'content/pages/tags.md')!;
    expect(page.messages.map((m) => m.ruleId)).toEqual(['reserved-slug']);
  });

  it('should refuse an article whose file name makes no slug and has no `slug` field', async () => {
    const error = await loadError({ articles: { '2025/🎉.md': article() } });
    expect(messagesOn(error, '2025/🎉.md').map((m) => m.reason)).toEqual([expect.stringContaining('add a `slug` field')]);
  });

  it('should refuse an author record with an unsafe link', async () => {
    const error = await loadError({
      articles: { '2025/a.md': article() },
      authors: { 'amara-okafor.md': md(['name: Amara Okafor', 'links:', '  - label: Site', '    url: javascript:alert(1)']) },
    });
    const author = error.files.find((file) => file.path === 'content/authors/amara-okafor.md')!;
    expect(author.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['invalid-field', 5, 5]]);
  });

  it('should refuse missing or invalid site settings, naming site.yaml', async () => {
    const error = await loadError({ site: 'name: Ledger\nurl: not a url\ncopyright: ©\ntimezone: Mars/Olympus\n' });
    expect(error.files.map((file) => file.path)).toEqual(['content/site.yaml']);
    expect(error.message).toContain('`url`');
    expect(error.message).toContain('`timezone`: Expected an IANA time zone');
  });
});
