import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { article, load, loadError, md, placesOn, plainContent, writeContent, type ContentFixture } from '../helpers/content.ts';

describe('loadContent: a valid archive', () => {
  it('should publish articles at /YYYY/MM/DD/slug/, newest first', async () => {
    const { content } = await load({
      articles: {
        '2025/older.md': article({ title: 'Older', date: '2025-03-05' }),
        '2025/newest.md': article({ title: 'Newest', date: '2025-08-22T18:00:00-04:00' }),
        '2024/oldest.md': article({ title: 'Oldest', date: '2024-12-31' }),
        '2025/morning.md': article({ title: 'Morning', date: '2025-08-22T08:00' }),
      },
    });
    expect(content.articles.map((a) => [a.title, a.url])).toEqual([
      ['Newest', '/2025/08/22/newest/'],
      ['Morning', '/2025/08/22/morning/'],
      ['Older', '/2025/03/05/older/'],
      ['Oldest', '/2024/12/31/oldest/'],
    ]);
  });

  it('should use the calendar day in the newsroom zone in the URL', async () => {
    const { content } = await load({ articles: { '2025/late.md': article({ date: '2025-03-15T01:15:00+01:00' }) } });
    expect(content.articles[0]!.url).toBe('/2025/03/14/late/');
  });

  it('should make the slug from the file name', async () => {
    const { content } = await load({ articles: { '2025/Budget Vote – Łódź.md': article() } });
    expect(content.articles[0]!.slug).toBe('budget-vote-lodz');
    expect(content.articles[0]!.url).toBe('/2025/08/22/budget-vote-lodz/');
  });

  it('should let the frontmatter `slug` override the file name', async () => {
    const { content } = await load({ articles: { '2025/draft-name.md': article({ extra: ['slug: assembly-passes-budget'] }) } });
    expect(content.articles[0]!.url).toBe('/2025/08/22/assembly-passes-budget/');
  });

  it('should read the site settings, with defaults for what is left out', async () => {
    const { content } = await load({
      site: 'name: Ledger\nurl: https://news.example.org/\ncopyright: © Ledger\ntimezone: Europe/Oslo\n',
    });
    expect(content.site).toEqual({
      name: 'Ledger',
      url: 'https://news.example.org',
      language: 'en',
      copyright: '© Ledger',
      timezone: 'Europe/Oslo',
      perPage: 10,
      feedSize: 50,
    });
  });

  it('should load an archive without any article', async () => {
    const { content } = await load({});
    expect(content.articles).toEqual([]);
    expect(content.authors).toEqual([]);
    expect(content.heldBack).toEqual({ drafts: 0, scheduled: 0 });
  });

  it('should load pages at /slug/', async () => {
    const { content } = await load({ pages: { 'about.md': md(['title: About us'], 'We report *news*.') } });
    expect(content.pages).toEqual([
      { title: 'About us', slug: 'about', url: '/about/', html: '<p>We report <em>news</em>.</p>', sourcePath: 'content/pages/about.md' },
    ]);
  });
});

describe('loadContent: tags', () => {
  it('should turn a tag written as a single string into a list', async () => {
    const { content } = await load({ articles: { '2025/a.md': article({ extra: ['tags: Elections'] }) } });
    expect(content.articles[0]!.tags).toEqual([{ name: 'Elections', slug: 'elections', url: '/tags/elections/' }]);
  });

  it('should give no tags to an article without `tags`', async () => {
    const { content } = await load({ articles: { '2025/a.md': article() } });
    expect(content.articles[0]!.tags).toEqual([]);
  });

  it('should give `Foreign Policy`, `foreign policy` and `Foreign-Policy` one tag, shown with the most common spelling', async () => {
    const { content } = await load({
      articles: {
        '2025/a.md': article({ date: '2025-08-01', extra: ['tags: foreign policy'] }),
        '2025/b.md': article({ date: '2025-08-02', extra: ['tags: Foreign Policy'] }),
        '2025/c.md': article({ date: '2025-08-03', extra: ['tags: [Foreign-Policy, Elections]'] }),
        '2025/d.md': article({ date: '2025-08-04', extra: ['tags: Foreign Policy'] }),
      },
    });
    const tag = { name: 'Foreign Policy', slug: 'foreign-policy', url: '/tags/foreign-policy/' };
    for (const loaded of content.articles) expect(loaded.tags).toContainEqual(tag);
    expect(content.articles.find((a) => a.slug === 'c')!.tags).toEqual([tag, { name: 'Elections', slug: 'elections', url: '/tags/elections/' }]);
  });

  it('should list a tag once when an article gives it twice in different spellings', async () => {
    const { content } = await load({ articles: { '2025/a.md': article({ extra: ['tags: [Economy, economy, ECONOMY]'] }) } });
    expect(content.articles[0]!.tags.map((tag) => tag.slug)).toEqual(['economy']);
  });

  it('should refuse two different tags whose slugs collide (`Zoë` and `Zoe`), naming both files and spellings', async () => {
    const error = await loadError({
      articles: {
        '2025/first.md': article({ date: '2025-08-01', extra: ['tags: [Zoë]'] }),
        '2025/second.md': article({ date: '2025-08-02', extra: ['tags:', '  - Politics', '  - Zoe'] }),
      },
    });
    expect(placesOn(error, '2025/first.md')).toEqual(['tag-collision@5:8']);
    expect(placesOn(error, '2025/second.md')).toEqual(['tag-collision@7:5']);
    expect(error.message).toContain('content/articles/2025/first.md');
    expect(error.message).toContain('content/articles/2025/second.md');
    expect(error.message).toContain('`Zoë`');
    expect(error.message).toContain('`Zoe`');
    expect(error.message).toContain('/tags/zoe/');
  });

  it('should refuse a tag without letters or digits', async () => {
    const error = await loadError({ articles: { '2025/a.md': article({ extra: ['tags: [News, "🎉"]'] }) } });
    expect(placesOn(error, '2025/a.md')).toEqual(['tag-unusable@5:14']);
  });
});

describe('loadContent: authors', () => {
  it('should give an author without a record an Author with a URL of their own', async () => {
    const { content } = await load({ articles: { '2025/a.md': article({ author: 'Noor Castellanos' }) } });
    const author = { name: 'Noor Castellanos', slug: 'noor-castellanos', url: '/authors/noor-castellanos/', links: [] };
    expect(content.articles[0]!.authors).toEqual([author]);
    expect(content.authors).toEqual([author]);
  });

  it('should give an author with a record their role, links and rendered bio', async () => {
    const { content } = await load({
      articles: { '2025/a.md': article({ author: 'Amara Okafor' }) },
      authors: {
        'amara-okafor.md': md(
          ['name: Amara Okafor', 'role: Senior Political Correspondent', 'links:', '  - label: Email', '    url: mailto:amara@example.org'],
          'Amara covers *the Assembly*.',
        ),
      },
    });
    expect(content.articles[0]!.authors).toEqual([
      {
        name: 'Amara Okafor',
        slug: 'amara-okafor',
        url: '/authors/amara-okafor/',
        role: 'Senior Political Correspondent',
        bioHtml: '<p>Amara covers <em>the Assembly</em>.</p>',
        links: [{ label: 'Email', url: 'mailto:amara@example.org' }],
      },
    ]);
  });

  it('should keep several authors in byline order, and list each author once, by name', async () => {
    const { content } = await load({
      articles: {
        '2025/a.md': md(['title: A', 'date: 2025-08-01', 'author: [Priya Raman, Daniel Whitcombe]']),
        '2025/b.md': md(['title: B', 'date: 2025-08-02', 'author: Priya Raman']),
      },
    });
    expect(content.articles.find((a) => a.title === 'A')!.authors.map((author) => author.name)).toEqual(['Priya Raman', 'Daniel Whitcombe']);
    expect(content.authors.map((author) => author.name)).toEqual(['Daniel Whitcombe', 'Priya Raman']);
  });

  it('should leave out authors who have a record but no published article', async () => {
    const { content } = await load({
      articles: { '2025/a.md': article({ author: 'Amara Okafor' }) },
      authors: { 'henrik-solberg.md': md(['name: Henrik Solberg']) },
    });
    expect(content.authors.map((author) => author.slug)).toEqual(['amara-okafor']);
  });
});

describe('loadContent: summaries and drafts', () => {
  it('should use the first paragraph as the summary when there is no description', async () => {
    const { content } = await load({
      articles: { '2025/a.md': article({ body: '## Background\n\nThe *first* paragraph.\n\nThe second paragraph.\n' }) },
    });
    expect(content.articles[0]!.summary).toBe('The first paragraph.');
    expect(content.articles[0]).not.toHaveProperty('description');
  });

  it('should use the description as the summary when there is one', async () => {
    const { content } = await load({ articles: { '2025/a.md': article({ extra: ['description: The dek.'] }) } });
    expect(content.articles[0]!.summary).toBe('The dek.');
    expect(content.articles[0]!.description).toBe('The dek.');
  });

  it('should leave drafts out and count them as held back', async () => {
    const { content } = await load({
      articles: {
        '2025/published.md': article({ date: '2025-08-01' }),
        '2025/draft.md': article({ date: '2025-08-02', extra: ['draft: true'] }),
        '2025/draft-yes.md': article({ date: '2025-08-03', extra: ['draft: yes'] }),
      },
    });
    expect(content.articles.map((a) => a.slug)).toEqual(['published']);
    expect(content.heldBack).toEqual({ drafts: 2, scheduled: 0 });
  });

  it('should publish drafts when `includeDrafts` is set', async () => {
    const { content } = await load(
      { articles: { '2025/published.md': article({ date: '2025-08-01' }), '2025/draft.md': article({ date: '2025-08-02', extra: ['draft: true'] }) } },
      { includeDrafts: true },
    );
    expect(content.articles.map((a) => [a.slug, a.draft])).toEqual([
      ['draft', true],
      ['published', false],
    ]);
    expect(content.heldBack).toEqual({ drafts: 0, scheduled: 0 });
  });

  it('should not let a draft claim a URL or a tag spelling', async () => {
    const { content } = await load({
      articles: {
        '2025/story.md': article({ extra: ['tags: Zoe'] }),
        '2024/story.md': article({ extra: ['draft: true', 'tags: Zoë'] }),
      },
    });
    expect(content.articles.map((a) => a.url)).toEqual(['/2025/08/22/story/']);
  });
});

describe('loadContent: guid', () => {
  const guidOf = async (fixture: ContentFixture) => (await load(fixture)).content.articles[0]!.guid;

  it('should make a urn:uuid guid', async () => {
    expect(await guidOf({ articles: { '2025/a.md': article() } })).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('should keep the guid when the title and slug change', async () => {
    const before = await guidOf({ articles: { '2025/story.md': article({ title: 'Budget vote delayed', extra: ['slug: budget-vote-delayed'] }) } });
    const after = await guidOf({ articles: { '2025/story.md': article({ title: 'Budget vote passes', extra: ['slug: budget-vote-passes'] }) } });
    expect(after).toBe(before);
  });

  it('should give different files different guids', async () => {
    const { content } = await load({ articles: { '2025/a.md': article({ date: '2025-08-01' }), '2025/b.md': article({ date: '2025-08-02' }) } });
    expect(new Set(content.articles.map((a) => a.guid)).size).toBe(2);
  });

  it('should derive the guid from `id` when there is one, so moving the file keeps it', async () => {
    const here = await guidOf({ articles: { '2025/story.md': article({ extra: ['id: ledger-2025-0042'] }) } });
    const moved = await guidOf({ articles: { '2024/renamed.md': article({ extra: ['id: ledger-2025-0042'] }) } });
    const withoutId = await guidOf({ articles: { '2025/story.md': article() } });
    expect(moved).toBe(here);
    expect(withoutId).not.toBe(here);
  });

  it('should read a numeric `id` like the same id written as text', async () => {
    const number = await guidOf({ articles: { '2025/a.md': article({ extra: ['id: 42'] }) } });
    const text = await guidOf({ articles: { '2025/b.md': article({ extra: ['id: "42"'] }) } });
    expect(number).toBe(text);
  });

  // Regression: a bug found while writing these tests, now fixed.
  it('should give the same guid to the same file in two checkouts at different depths', async () => {
    const shallow = await guidOf({ articles: { '2025/story.md': article() } });
    const deep = await guidOf({ articles: { '2025/story.md': article() }, under: 'checkouts/ledger' });
    expect(deep).toBe(shallow);
  });
});

describe('loadContent: render cache', () => {
  it('should give the same result with the render cache as without it, and again from the cache', async () => {
    const fixture = { articles: { '2025/a.md': article({ body: 'A *story*.\n' }), '2025/b.md': article({ date: '2025-08-23', body: 'Another.\n' }) } };
    const where = await writeContent(fixture);
    const uncached = await loadContent({ ...where, cacheDir: false });
    const first = await loadContent(where);
    const second = await loadContent(where);
    expect(plainContent(first.content)).toEqual(plainContent(uncached.content));
    expect(plainContent(second.content)).toEqual(plainContent(uncached.content));
  });

  // Regression: a bug found while writing these tests, now fixed.
  it('should load several articles with the same body when the render cache is on', async () => {
    // Many copies, so the race is lost every time rather than now and then.
    const articles = Object.fromEntries(Array.from({ length: 16 }, (_, index) => [`2025/story-${index}.md`, article({ extra: [`slug: story-${index}`] })]));
    const { content } = await load({ articles }, { cache: true });
    expect(content.articles).toHaveLength(16);
  });
});
