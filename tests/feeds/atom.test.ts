import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/model.ts';
import { renderAtom } from '../../src/feeds/atom.ts';
import { renderRss } from '../../src/feeds/rss.ts';
import { makeArticles, makeSeries, site, type SampleArticle } from '../helpers/sample.ts';
import { parseXml } from '../helpers/xml.ts';

const FEED_URL = '/atom.xml';

/** Render an Atom feed of the given articles and parse it (checking it is well-formed XML first). */
function feed(articles: readonly Article[], settings: Partial<typeof site> = {}): CheerioAPI {
  return parseXml(renderAtom({ ...site, ...settings }, articles, { feedUrl: FEED_URL }));
}

/** The feed of one article. */
function feedOf(sample: SampleArticle): CheerioAPI {
  return feed(makeArticles([sample]));
}

/** The HTML of the first entry's content, parsed. */
function content($: CheerioAPI): CheerioAPI {
  return load($('entry > content').first().text(), null, false);
}

describe('renderAtom: feed', () => {
  it('should describe the site in the Atom namespace, with its own URL as id and self link', () => {
    const $ = feed(makeSeries(2));
    const root = $.root().children();
    expect(root).toHaveLength(1);
    expect(root.is('feed')).toBe(true);
    expect(root.attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(root.attr('xml:lang')).toBe('en');
    const channel = $('feed');
    expect(channel.children('id').text()).toBe('https://news.example.org/atom.xml');
    expect(channel.children('title').text()).toBe('The Sample Ledger');
    expect(channel.children('subtitle').text()).toBe('Sample news.');
    expect(channel.children('rights').text()).toBe('© The Sample Ledger');
    expect(channel.children('generator').text()).toBe('Broadsheet');
    expect(channel.children('author').children('name').text()).toBe('The Sample Ledger');
    const links = channel.children('link').map((_, element) => [[$(element).attr('rel'), $(element).attr('type'), $(element).attr('href')]]).get();
    expect(links).toEqual([
      ['self', 'application/atom+xml', 'https://news.example.org/atom.xml'],
      ['alternate', 'text/html', 'https://news.example.org/'],
    ]);
  });

  it('should use the given title and page for a tag feed', () => {
    const $ = parseXml(renderAtom(site, makeSeries(1), { title: 'The Sample Ledger: Elections', pageUrl: '/tags/elections/', feedUrl: '/tags/elections/atom.xml' }));
    expect($('feed > title').text()).toBe('The Sample Ledger: Elections');
    expect($('feed > link[rel=alternate]').attr('href')).toBe('https://news.example.org/tags/elections/');
    expect($('feed > id').text()).toBe('https://news.example.org/tags/elections/atom.xml');
  });

  it('should date the feed by the latest change to any entry, an older story updated later included', () => {
    const articles = makeArticles([
      { title: 'New', date: '2025-08-22T09:30' },
      { title: 'Old', date: '2025-08-01', updated: '2025-08-23T10:00' },
    ]);
    expect(feed(articles)('feed > updated').text()).toBe('2025-08-23T10:00:00-04:00');
  });

  it('should be a valid feed without entries, dated the epoch, when there are no articles', () => {
    const $ = feed([]);
    expect($('entry')).toHaveLength(0);
    expect($('feed > updated').text()).toBe('1970-01-01T00:00:00Z');
  });
});

describe('renderAtom: entries', () => {
  it('should have the same entries as RSS, in the same order, at most `feedSize`', () => {
    const articles = makeSeries(8);
    const ids = feed(articles)('entry > id').map((_, element) => load(element).text()).get();
    const rss = parseXml(renderRss(site, articles, { feedUrl: '/feed.xml' }));
    expect(ids).toHaveLength(5);
    expect(ids).toEqual(rss('item > guid').map((_, element) => rss(element).text()).get());
  });

  it('should use the guid as the entry id and link to the article page', () => {
    const entry = feedOf({ title: 'Budget vote', date: '2025-08-22', guid: 'urn:uuid:0b7c3f7e-6d1a-5c1e-9f00-123456789abc' })('entry');
    expect(entry.children('id').text()).toBe('urn:uuid:0b7c3f7e-6d1a-5c1e-9f00-123456789abc');
    const link = entry.children('link');
    expect([link.attr('rel'), link.attr('type'), link.attr('href')]).toEqual(['alternate', 'text/html', 'https://news.example.org/2025/08/22/budget-vote/']);
  });

  it('should write published and updated in RFC 3339 with the newsroom offset', () => {
    const summer = feedOf({ title: 'Summer', date: '2025-08-22T09:30', updated: '2025-11-03T08:15' })('entry');
    expect(summer.children('published').text()).toBe('2025-08-22T09:30:00-04:00');
    expect(summer.children('updated').text()).toBe('2025-11-03T08:15:00-05:00');
    const winter = feedOf({ title: 'Winter', date: '2025-01-15' })('entry');
    expect(winter.children('published').text()).toBe('2025-01-15T00:00:00-05:00');
    expect(winter.children('updated').text()).toBe('2025-01-15T00:00:00-05:00');
  });

  it('should give one author per byline name, with the author page as uri', () => {
    const $ = feedOf({ title: 'Shared', authors: ['Priya Raman', 'Amara Okafor'] });
    const authors = $('entry > author').map((_, element) => [[$(element).children('name').text(), $(element).children('uri').text()]]).get();
    expect(authors).toEqual([
      ['Priya Raman', 'https://news.example.org/authors/priya-raman/'],
      ['Amara Okafor', 'https://news.example.org/authors/amara-okafor/'],
    ]);
  });

  it('should give one category per tag, its slug as term and its name as label', () => {
    const $ = feedOf({ title: 'Tagged', tags: ['Foreign Policy', 'Zoë'] });
    expect($('entry > category').map((_, element) => [[$(element).attr('term'), $(element).attr('label')]]).get()).toEqual([
      ['foreign-policy', 'Foreign Policy'],
      ['zoe', 'Zoë'],
    ]);
  });

  it('should carry the summary as text and the body as HTML with absolute links', () => {
    const $ = feedOf({
      title: 'Links',
      date: '2025-08-22',
      summary: 'The short version.',
      html: '<p><a href="/2025/01/02/budget/">budget</a> <img src="/images/a.jpg" alt=""> <a href="#fn-1">1</a></p>',
    });
    expect($('entry > summary').attr('type')).toBe('text');
    expect($('entry > summary').text()).toBe('The short version.');
    expect($('entry > content').attr('type')).toBe('html');
    expect(content($)('a').map((_, element) => content($)(element).attr('href')).get()).toEqual([
      'https://news.example.org/2025/01/02/budget/',
      'https://news.example.org/2025/08/22/links/#fn-1',
    ]);
    expect(content($)('img').attr('src')).toBe('https://news.example.org/images/a.jpg');
  });

  it('should percent-encode non-Latin letters in an author URL', () => {
    const $ = feedOf({ title: 'Beijing', slug: 'beijing', authors: ['北京'] });
    expect($('entry > author > uri').text()).toBe('https://news.example.org/authors/%E5%8C%97%E4%BA%AC/');
  });
});

describe('renderAtom: escaping', () => {
  const nasty = `</script><script>alert(1)</script> "Q" & 'S'`;

  it('should escape a title with markup, quotes and ampersands, and give it back unchanged', () => {
    const xml = renderAtom(site, makeArticles([{ title: nasty, summary: nasty, tags: [nasty], authors: [nasty], html: '<p>Safe.</p>' }]), { feedUrl: FEED_URL });
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const $ = parseXml(xml);
    expect($('entry > title').text()).toBe(nasty);
    expect($('entry > summary').text()).toBe(nasty);
    expect($('entry > category').attr('label')).toBe(nasty);
    expect($('entry > author > name').text()).toBe(nasty);
  });

  it('should keep text that looks like an entity exactly as written', () => {
    const $ = feedOf({ title: 'AT&amp;T &lt;b&gt; &#60;', summary: 'AT&amp;T &lt;b&gt;', html: '<p><code>&lt;script&gt;</code></p>' });
    expect($('entry > title').text()).toBe('AT&amp;T &lt;b&gt; &#60;');
    expect($('entry > summary').text()).toBe('AT&amp;T &lt;b&gt;');
    expect(content($)('code').text()).toBe('<script>');
    expect(content($)('script')).toHaveLength(0);
  });

  it('should keep `]]>` in the body as text', () => {
    expect(content(feedOf({ title: 'CDATA', html: '<p><code>]]&gt;</code></p>' }))('code').text()).toBe(']]>');
  });

  it('should drop control characters and lone surrogates so the XML still parses', () => {
    const $ = feedOf({ title: 'Budget\u0008 vote\u0001\uD800', summary: 'Dek\u001B.', tags: ['Tag\u0002'], html: '<p>Body\u0008 text\uFFFE.</p>' });
    expect($('entry > title').text()).toBe('Budget vote');
    expect($('entry > summary').text()).toBe('Dek.');
    expect($('entry > category').attr('label')).toBe('Tag');
    expect(content($)('p').text()).toBe('Body text.');
  });
});
