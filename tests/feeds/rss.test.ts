import { load, type CheerioAPI } from 'cheerio';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/model.ts';
import { absolutizeUrls } from '../../src/feeds/absolute-urls.ts';
import { renderRss, rfc822 } from '../../src/feeds/rss.ts';
import { renderMarkdown } from '../../src/pipeline/render.ts';
import { makeArticles, makeSeries, site, type SampleArticle } from '../helpers/sample.ts';
import { parseXml } from '../helpers/xml.ts';

const FEED_URL = '/feed.xml';

/** Render a feed of the given articles and parse it (checking it is well-formed XML first). */
function feed(articles: readonly Article[], settings: Partial<typeof site> = {}): CheerioAPI {
  return parseXml(renderRss({ ...site, ...settings }, articles, { feedUrl: FEED_URL }));
}

/** The feed of one article. */
function feedOf(sample: SampleArticle): CheerioAPI {
  return feed(makeArticles([sample]));
}

/** The HTML of the first item's `content:encoded`, parsed. */
function encoded($: CheerioAPI): CheerioAPI {
  return load($('item').first().find('content\\:encoded').text(), null, false);
}

/** A body as the real pipeline renders it. */
async function renderBody(markdown: string): Promise<string> {
  return (await renderMarkdown(new VFile({ path: 'content/articles/2025/a.md', value: markdown }))).html;
}

describe('renderRss: channel', () => {
  it('should describe the site, with absolute links and an atom:link to itself', () => {
    const $ = feed(makeSeries(2));
    expect($('rss').attr('version')).toBe('2.0');
    const channel = $('rss > channel');
    expect(channel.children('title').text()).toBe('The Sample Ledger');
    expect(channel.children('link').text()).toBe('https://news.example.org/');
    expect(channel.children('description').text()).toBe('Sample news.');
    expect(channel.children('language').text()).toBe('en');
    expect(channel.children('copyright').text()).toBe('© The Sample Ledger');
    const self = channel.children('atom\\:link');
    expect([self.attr('rel'), self.attr('href'), self.attr('type')]).toEqual(['self', 'https://news.example.org/feed.xml', 'application/rss+xml']);
  });

  it('should use the given title and page for a tag feed', () => {
    const xml = renderRss(site, makeSeries(1), { title: 'Elections — The Sample Ledger', pageUrl: '/tags/elections/', feedUrl: '/tags/elections/feed.xml' });
    const $ = parseXml(xml);
    expect($('channel > title').text()).toBe('Elections — The Sample Ledger');
    expect($('channel > link').text()).toBe('https://news.example.org/tags/elections/');
    expect($('channel > atom\\:link').attr('href')).toBe('https://news.example.org/tags/elections/feed.xml');
  });

  it('should be a valid feed without items when there are no articles', () => {
    const $ = feed([]);
    expect($('item')).toHaveLength(0);
    expect($('channel > title').text()).toBe('The Sample Ledger');
  });

  it('should date the channel by the newest item', () => {
    const $ = feed(makeSeries(3));
    expect($('channel > lastBuildDate').text()).toBe($('item').first().find('pubDate').text());
  });
});

describe('renderRss: items', () => {
  it('should list items newest first, at most `feedSize` of them', () => {
    const articles = makeSeries(8);
    const $ = feed(articles);
    expect($('item > title').map((_, element) => $(element).text()).get()).toEqual(['Story 8', 'Story 7', 'Story 6', 'Story 5', 'Story 4']);
    expect(feed(articles, { feedSize: 2 })('item')).toHaveLength(2);
  });

  it('should give each item an absolute link and a guid that is not a permalink', () => {
    const [article] = makeArticles([{ title: 'Budget vote', date: '2025-08-22', guid: 'urn:uuid:0b7c3f7e-6d1a-5c1e-9f00-123456789abc' }]);
    const item = feed([article!])('item');
    expect(item.children('link').text()).toBe('https://news.example.org/2025/08/22/budget-vote/');
    const guid = item.children('guid');
    expect(guid.text()).toBe('urn:uuid:0b7c3f7e-6d1a-5c1e-9f00-123456789abc');
    expect(guid.attr('isPermaLink')).toBe('false');
  });

  it('should write pubDate in RFC 822 with the newsroom offset: -0400 in summer', () => {
    const $ = feedOf({ title: 'Summer', date: '2025-08-22T09:30' });
    expect($('item > pubDate').text()).toBe('Fri, 22 Aug 2025 09:30:00 -0400');
  });

  it('should write pubDate in RFC 822 with the newsroom offset: -0500 in winter', () => {
    const $ = feedOf({ title: 'Winter', date: '2025-01-15' });
    expect($('item > pubDate').text()).toBe('Wed, 15 Jan 2025 00:00:00 -0500');
  });

  it('should give one dc:creator per author, in byline order', () => {
    const $ = feedOf({ title: 'Shared', authors: ['Priya Raman', 'Amara Okafor'] });
    expect($('item > dc\\:creator').map((_, element) => $(element).text()).get()).toEqual(['Priya Raman', 'Amara Okafor']);
  });

  it('should give one category per tag, with the tag page as its domain', () => {
    const $ = feedOf({ title: 'Tagged', tags: ['Foreign Policy', 'Zoë'] });
    const categories = $('item > category').map((_, element) => [[$(element).text(), $(element).attr('domain')]]).get();
    expect(categories).toEqual([
      ['Foreign Policy', 'https://news.example.org/tags/foreign-policy/'],
      ['Zoë', 'https://news.example.org/tags/zoe/'],
    ]);
  });

  it('should use the summary as the description', () => {
    const $ = feedOf({ title: 'Dek', summary: 'The short version.' });
    expect($('item > description').text()).toBe('The short version.');
  });
});

describe('renderRss: content', () => {
  it('should carry the body HTML in content:encoded', () => {
    const $ = feedOf({ title: 'Body', html: '<p>Some <em>emphasis</em> &#x26; more.</p>' });
    expect(encoded($)('em').text()).toBe('emphasis');
    expect(encoded($)('p').text()).toBe('Some emphasis & more.');
  });

  it('should make site-relative links and images absolute', () => {
    const $ = feedOf({ title: 'Links', date: '2025-08-22', html: '<p><a href="/2025/01/02/budget/">budget</a> <img src="/images/a.jpg" alt=""></p>' });
    expect(encoded($)('a').attr('href')).toBe('https://news.example.org/2025/01/02/budget/');
    expect(encoded($)('img').attr('src')).toBe('https://news.example.org/images/a.jpg');
  });

  it('should make a fragment link point into the article page', () => {
    const $ = feedOf({ title: 'Notes', date: '2025-08-22', html: '<p><a href="#fn-1">1</a></p>' });
    expect(encoded($)('a').attr('href')).toBe('https://news.example.org/2025/08/22/notes/#fn-1');
  });

  it('should make the footnote links of a rendered body point into the article page', async () => {
    const html = await renderBody('A claim.[^1]\n\n[^1]: The source.\n');
    const $ = feedOf({ title: 'Notes', date: '2025-08-22', html });
    const hrefs = encoded($)('a').map((_, element) => encoded($)(element).attr('href')).get();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/news\.example\.org\/2025\/08\/22\/notes\/#/);
  });

  it('should leave absolute, protocol-relative and mailto links as they are', () => {
    const html = '<p><a href="https://other.example/x?a=1&#x26;b=2">a</a> <a href="//cdn.example/y">b</a> <a href="mailto:desk@example.org">c</a></p>';
    const $ = feedOf({ title: 'External', html });
    expect(encoded($)('a').map((_, element) => encoded($)(element).attr('href')).get()).toEqual([
      'https://other.example/x?a=1&b=2',
      '//cdn.example/y',
      'mailto:desk@example.org',
    ]);
  });

  // Regression: `&` in attributes is serialized as `&#x26;`; the feed must keep the query intact.
  it('should keep the query of a site-relative link with `&` in it, as the pipeline renders it', async () => {
    const html = await renderBody('[More](/search/?q=budget&page=2)\n');
    const $ = feedOf({ title: 'Query', html });
    expect(encoded($)('a').attr('href')).toBe('https://news.example.org/search/?q=budget&page=2');
  });

  // Regression: only real attributes are rewritten, never text that looks like one.
  it('should not change `href="…"` written as text in a code sample', async () => {
    const html = await renderBody('Write `<a href="/about/">` to link.\n');
    const $ = feedOf({ title: 'Code', html });
    expect(encoded($)('code').text()).toBe('<a href="/about/">');
  });

  // Regression: `]]>` in a body once made the feed writer throw and stopped the build.
  it('should keep `]]>` in the body as text', async () => {
    const html = await renderBody('Close a CDATA section with `]]>`.\n');
    const $ = feedOf({ title: 'CDATA', html });
    expect(encoded($)('code').text()).toBe(']]>');
  });
});

describe('renderRss: escaping', () => {
  const nasty = `</script><script>alert(1)</script> "Q" & 'S'`;

  it('should escape a title with markup, quotes and ampersands, and give it back unchanged', () => {
    const xml = renderRss(site, makeArticles([{ title: nasty, summary: nasty, tags: [nasty], authors: [nasty], html: '<p>Safe.</p>' }]), { feedUrl: FEED_URL });
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('&amp; ');
    const $ = parseXml(xml);
    expect($('item > title').text()).toBe(nasty);
    // <description> is HTML to feed readers: the text, escaped as HTML, then as XML.
    expect(load($('item > description').text()).root().text()).toBe(nasty);
    expect($('item > category').text()).toBe(nasty);
    expect($('item > dc\\:creator').text()).toBe(nasty);
  });

  it('should drop control characters in a title or body so the XML still parses', () => {
    const $ = feedOf({ title: 'Budget\u0008 vote\u0001', summary: 'Dek\u001B.', html: '<p>Body\u0008 text\uFFFE.</p>' });
    expect($('item > title').text()).toBe('Budget vote');
    expect($('item > description').text()).toBe('Dek.');
    expect(encoded($)('p').text()).toBe('Body text.');
  });

  it('should keep text outside the Basic Multilingual Plane', () => {
    const $ = feedOf({ title: 'Emoji 🗳️ and 𝔉raktur', html: '<p>🗳️</p>' });
    expect($('item > title').text()).toBe('Emoji 🗳️ and 𝔉raktur');
    expect(encoded($)('p').text()).toBe('🗳️');
  });
});

describe('rfc822', () => {
  it.each([
    ['2025-08-22T13:30:00Z', 'America/New_York', 'Fri, 22 Aug 2025 09:30:00 -0400'],
    ['2025-01-15T05:00:00Z', 'America/New_York', 'Wed, 15 Jan 2025 00:00:00 -0500'],
    ['2025-08-22T04:00:00Z', 'Asia/Kolkata', 'Fri, 22 Aug 2025 09:30:00 +0530'],
    ['2025-08-22T04:00:00Z', 'UTC', 'Fri, 22 Aug 2025 04:00:00 +0000'],
    ['2025-03-09T07:30:00Z', 'America/New_York', 'Sun, 09 Mar 2025 03:30:00 -0400'],
    ['2024-12-31T23:59:59Z', 'Pacific/Kiritimati', 'Wed, 01 Jan 2025 13:59:59 +1400'],
  ])('should write %s in %s as %s', (instant, zone, expected) => {
    expect(rfc822(new Date(instant), zone)).toBe(expected);
  });
});

describe('absolutizeUrls', () => {
  it('should resolve a relative path against the page URL', () => {
    expect(absolutizeUrls('<a href="../other/">x</a>', 'https://news.example.org/2025/08/22/story/')).toBe(
      '<a href="https://news.example.org/2025/08/22/other/">x</a>',
    );
  });

  it('should keep `&` in a query, escaped in the HTML', () => {
    const html = absolutizeUrls('<a href="/s?a=1&amp;b=2">x</a>', 'https://news.example.org/');
    expect(html).not.toMatch(/&(?!amp;|#x26;)/);
    expect(load(html)('a').attr('href')).toBe('https://news.example.org/s?a=1&b=2');
  });
});

describe('renderRss: entity-like text', () => {
  it('should keep text that looks like an entity exactly as written', () => {
    const article = makeArticles([{ title: 'AT&amp;T &lt;b&gt; &#60;', html: '<p><code>&lt;script&gt;</code></p>' }])[0]!;
    const xml = renderRss(site, [article], { feedUrl: '/feed.xml' });
    const $ = parseXml(xml);
    expect($('item > title').text()).toBe('AT&amp;T &lt;b&gt; &#60;');
    expect(load($('item > content\\:encoded').text())('code').text()).toBe('<script>');
    expect(load($('item > content\\:encoded').text())('script')).toHaveLength(0);
  });
});
