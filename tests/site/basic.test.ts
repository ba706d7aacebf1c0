/**
 * Builds `tests/sites/basic/` (12 articles over three years, three authors, five tags, five per
 * page) and checks every kind of page against what the fixture's own files say.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixture, type BuiltSite } from '../helpers/build.ts';
import { cardLinks, parseShownDate, readArchive, readListing, rfc822Day, squash, type ExpectedArticle } from './archive-model.ts';

const expected = readArchive(fixture('basic').contentDir);
const { articles, site: settings } = expected;
const urlsOf = (list: readonly ExpectedArticle[]) => list.map((article) => article.url);

/** Every tag page the fixture should have, with its articles newest first. */
const tagPages = new Map<string, { names: Set<string>; articles: ExpectedArticle[] }>();
for (const article of articles) {
  for (const tag of article.tags) {
    const entry = tagPages.get(tag.url) ?? { names: new Set<string>(), articles: [] };
    entry.names.add(tag.name);
    entry.articles.push(article);
    tagPages.set(tag.url, entry);
  }
}
const authorPages = new Map<string, { name: string; articles: ExpectedArticle[] }>();
for (const article of articles) {
  for (const author of article.authors) {
    const entry = authorPages.get(author.url) ?? { name: author.name, articles: [] };
    entry.articles.push(article);
    authorPages.set(author.url, entry);
  }
}

let site: BuiltSite;
let htmlFiles: string[];

beforeAll(async () => {
  site = await buildFixture('basic');
  htmlFiles = (await site.files()).filter((file) => file.endsWith('.html'));
});

afterAll(async () => {
  await site?.cleanup();
});

describe('the fixture itself', () => {
  it('should cover what the site tests rely on', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    expect(new Set(articles.map((article) => article.day.slice(0, 4))).size).toBeGreaterThanOrEqual(2);
    expect(articles.length).toBeGreaterThan(2 * settings.perPage);
    expect(articles.some((article) => article.authors.length > 1)).toBe(true);
    expect([...authorPages.keys()].some((url) => !expected.records.has(url))).toBe(true);
    expect(tagPages.get('/tags/foreign-policy/')?.names).toEqual(new Set(['Foreign Policy', 'foreign policy']));
    expect([...tagPages.values()].some((tag) => tag.articles.length > settings.perPage)).toBe(true);
    expect(expected.drafts.length).toBeGreaterThan(0);
  });
});

describe('article pages', () => {
  it('should publish each article at /YYYY/MM/DD/slug/ and no other article page', async () => {
    const articlePages = htmlFiles.filter((file) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
    expect(articlePages.sort()).toEqual(urlsOf(articles).map((url) => `${url}index.html`).sort());
  });

  it('should not publish drafts anywhere', async () => {
    for (const draft of expected.drafts) {
      expect(htmlFiles).not.toContain(`${draft.url}index.html`);
      for (const file of await site.files()) {
        expect(await readFile(path.join(site.outputDir, file), 'utf8'), file).not.toContain(draft.title);
      }
    }
  });

  it.each(articles)('should show the headline, byline, date, tags and author box of $file', async (article) => {
    const $ = await site.html(article.url);
    const story = $('article.story');
    expect(story).toHaveLength(1);
    expect(story.find('h1')).toHaveLength(1);
    expect(squash(story.find('h1').text())).toBe(article.title);

    const bylineLinks = story.find('.byline a[rel=author]').toArray();
    expect(bylineLinks.map((a) => [squash($(a).text()), $(a).attr('href')])).toEqual(article.authors.map((author) => [author.name, author.url]));

    const time = story.find('time[datetime]').first();
    expect(parseShownDate(time.text())).toBe(article.day);
    const datetime = time.attr('datetime') ?? '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(article.written)) {
      expect(datetime).toBe(article.written);
    } else {
      // A time of day is given as an instant; it must be the instant the editor meant.
      expect(Number.isNaN(Date.parse(datetime))).toBe(false);
      const wallClock = new Intl.DateTimeFormat('sv-SE', {
        timeZone: settings.timezone,
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date(datetime));
      const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(article.written);
      if (hasOffset) expect(Date.parse(datetime)).toBe(Date.parse(article.written));
      else expect(wallClock).toBe(article.written.slice(0, 16).replace('T', ' '));
    }

    const tagLinks = story.find('.story-tags a[rel=tag]').toArray();
    expect(tagLinks.map((a) => $(a).attr('href'))).toEqual(article.tags.map((tag) => tag.url));
    for (const a of tagLinks) expect(tagPages.get($(a).attr('href')!)?.names).toContain(squash($(a).text()));

    const boxes = story.find('.about-author');
    expect(boxes.length).toBeLessThanOrEqual(article.authors.length);
    for (const author of article.authors) {
      const box = boxes.filter((_, element) => $(element).find(`a[href="${author.url}"]`).length > 0);
      const record = expected.records.get(author.url);
      if (record) {
        expect(box, author.name).toHaveLength(1);
        expect(squash(box.text())).toMatch(/about the author/i);
        expect(squash(box.find(`a[href="${author.url}"]`).text())).toBe(author.name);
        expect(squash(box.text())).toContain(record.bio);
        if (record.role) expect(squash(box.text())).toContain(record.role);
      } else {
        // A byline without a record has nothing to say about the author: a box with the name
        // only, or no box (templates may leave it out), but never someone else's bio.
        expect(box.length, author.name).toBeLessThanOrEqual(1);
        for (const other of expected.records.values()) expect(squash(box.text())).not.toContain(other.bio);
      }
    }
  });

  it('should link each article to the next older (rel=prev) and newer (rel=next) story', async () => {
    for (const [index, article] of articles.entries()) {
      const $ = await site.html(article.url);
      expect($('article.story a[rel=prev]').attr('href'), `${article.file} prev`).toBe(articles[index + 1]?.url);
      expect($('article.story a[rel=next]').attr('href'), `${article.file} next`).toBe(articles[index - 1]?.url);
    }
  });

  it('should put an article dated late in the evening on its newsroom day, not the UTC day', async () => {
    const lateNight = articles.find((article) => article.written === '2024-12-31T23:30:00-05:00');
    expect(lateNight?.url).toBe('/2024/12/31/new-years-eve-fireworks-cancelled/');
    expect(htmlFiles).not.toContain('/2025/01/01/new-years-eve-fireworks-cancelled/index.html');
  });
});

describe('front page', () => {
  it('should list every article exactly once, newest first, over /page/N/ pages', async () => {
    const listing = await readListing(site, '/');
    expect(listing.pages).toEqual(['/', '/page/2/', '/page/3/'].slice(0, Math.ceil(articles.length / settings.perPage)));
    expect(listing.cards).toHaveLength(articles.length);
    expect(new Set(listing.cards).size).toBe(articles.length);
    expect(listing.cards).toEqual(urlsOf(articles));
    for (const cards of listing.cardsPerPage) expect(cards.length).toBeLessThanOrEqual(settings.perPage);
  });

  it('should link each later page back to the newer one', async () => {
    const $ = await site.html('/page/2/');
    expect($('.pagination a[rel=prev]').attr('href')).toBe('/');
  });

  it('should give the front page an h1', async () => {
    const $ = await site.html('/');
    expect($('h1')).toHaveLength(1);
    expect(squash($('h1').text())).not.toBe('');
  });
});

describe('tag pages', () => {
  it('should publish one page per tag and merge spellings that differ only in case', async () => {
    const published = htmlFiles.filter((file) => /^\/tags\/[^/]+\/index\.html$/.test(file)).map((file) => file.replace(/index\.html$/, ''));
    expect(published.sort()).toEqual([...tagPages.keys()].sort());
  });

  it.each([...tagPages.keys()])('should list exactly the articles tagged %s, newest first, across its pages', async (url) => {
    const listing = await readListing(site, url);
    expect(listing.cards).toEqual(urlsOf(tagPages.get(url)!.articles));
    for (const cards of listing.cardsPerPage) expect(cards.length).toBeLessThanOrEqual(settings.perPage);
    const $ = await site.html(url);
    expect([...tagPages.get(url)!.names]).toContain(squash($('h1').text()));
  });

  it('should paginate a tag with more articles than fit on one page', async () => {
    const harbour = await readListing(site, '/tags/harbour/');
    expect(harbour.pages).toEqual(['/tags/harbour/', '/tags/harbour/page/2/']);
  });

  it('should show every tag with its article count on the tags index', async () => {
    const $ = await site.html('/tags/');
    const rows = $('.index-list li').toArray();
    const counts = new Map(
      rows.map((li) => {
        const link = $(li).find('a').first();
        const rest = squash($(li).text().replace(link.text(), ''));
        return [link.attr('href'), Number(/\d+/.exec(rest)?.[0])] as const;
      }),
    );
    expect(counts).toEqual(new Map([...tagPages].map(([url, tag]) => [url, tag.articles.length])));
  });
});

describe('author pages', () => {
  it('should list every byline name on /authors/', async () => {
    const $ = await site.html('/authors/');
    const links = $('.index-list a').toArray().map((a) => [squash($(a).text()), $(a).attr('href')]);
    expect(links.sort()).toEqual([...authorPages].map(([url, author]) => [author.name, url]).sort());
  });

  it.each([...authorPages.keys()])('should list exactly the articles by %s, newest first', async (url) => {
    const author = authorPages.get(url)!;
    const listing = await readListing(site, url);
    expect(listing.cards).toEqual(urlsOf(author.articles));
    const $ = await site.html(url);
    expect(squash($('h1').text())).toBe(author.name);
    const record = expected.records.get(url);
    if (record) expect(squash($('main').text())).toContain(record.bio);
  });

  it('should count a shared byline for each of its authors', () => {
    const shared = articles.filter((article) => article.authors.length > 1);
    for (const article of shared) {
      for (const author of article.authors) expect(urlsOf(authorPages.get(author.url)!.articles)).toContain(article.url);
    }
  });
});

describe('date archive', () => {
  const years = new Map<string, ExpectedArticle[]>();
  const months = new Map<string, ExpectedArticle[]>();
  for (const article of articles) {
    const [year, month] = article.day.split('-');
    years.set(`/${year}/`, [...(years.get(`/${year}/`) ?? []), article]);
    months.set(`/${year}/${month}/`, [...(months.get(`/${year}/${month}/`) ?? []), article]);
  }

  it('should link every year and month that has articles from /archive/, and no others', async () => {
    const $ = await site.html('/archive/');
    const links = new Set(
      $('main a')
        .toArray()
        .map((a) => $(a).attr('href') ?? '')
        .filter((href) => /^\/\d{4}\/(\d{2}\/)?$/.test(href)),
    );
    expect([...links].sort()).toEqual([...years.keys(), ...months.keys()].sort());
  });

  it.each([...years.keys(), ...months.keys()])('should list exactly the articles of %s, newest first', async (url) => {
    const listing = await readListing(site, url);
    expect(listing.cards).toEqual(urlsOf(years.get(url) ?? months.get(url)!));
  });
});

describe('every page', () => {
  it('should have a 404 page', async () => {
    const $ = await site.html('/404.html');
    expect(squash($('h1').text())).toMatch(/not found/i);
    expect($('a[href="/"]').length).toBeGreaterThan(0);
  });

  it('should have the copyright line and a link to the privacy page in the footer', async () => {
    const privacy = expected.pages.find((page) => /privacy/i.test(page.title))!;
    for (const file of htmlFiles) {
      const $ = await site.html(file);
      const footer = $('footer').last();
      expect(squash(footer.text()), file).toContain(settings.copyright);
      expect(footer.find(`a[href="${privacy.url}"]`).length, file).toBe(1);
    }
  });

  it('should advertise the site feeds in every head, and a topic or author feed on its own pages', async () => {
    for (const file of htmlFiles) {
      const $ = await site.html(file);
      const hrefs = $('head link[rel=alternate]').map((_, link) => new URL($(link).attr('href') ?? '', 'https://courier.example.com/').pathname).get();
      expect(hrefs.slice(0, 3), file).toEqual(['/feed.xml', '/atom.xml', '/feed.json']);
      const own = /^\/(tags|authors)\/([^/]+)\//.exec(file);
      expect(hrefs.slice(3), file).toEqual(own && file !== '/tags/index.html' && file !== '/authors/index.html' ? [`/${own[1]}/${own[2]}/feed.xml`] : []);
    }
  });

  it('should contain no script, since nothing needs JavaScript to be read', async () => {
    // JSON-LD is a data block that browsers never run; it holds no `<` (see newsroom.test.ts).
    const dataBlock = /<script type="application\/ld\+json">[^<]*<\/script>/g;
    // Only the search page runs script, and only from files of the site (no inline code).
    const searchScripts = /<script src="\/(pagefind|assets)\/[\w./-]+"( defer| type="module")*><\/script>/g;
    for (const file of await site.files()) {
      if (file.startsWith('/pagefind/')) continue; // the search index, loaded by the search page
      let text = (await readFile(path.join(site.outputDir, file), 'utf8')).replace(dataBlock, '');
      if (file === '/search/index.html') text = text.replace(searchScripts, '');
      expect(text, file).not.toMatch(/<script/i);
    }
  });

  it('should give every page exactly one h1 and a title', async () => {
    for (const file of htmlFiles) {
      const $: CheerioAPI = await site.html(file);
      expect($('h1').length, file).toBe(1);
      expect(squash($('title').text()), file).toContain(settings.name);
    }
  });

  it('should only link to pages and fragments that exist', async () => {
    const files = new Set(await site.files());
    const idsCache = new Map<string, Set<string>>();
    const idsOf = async (file: string) => {
      if (!idsCache.has(file)) {
        const $ = await site.html(file);
        idsCache.set(file, new Set($('[id]').toArray().map((element) => $(element).attr('id')!)));
      }
      return idsCache.get(file)!;
    };
    const broken: string[] = [];
    for (const file of htmlFiles) {
      const $ = await site.html(file);
      for (const a of $('a[href]').toArray()) {
        const href = $(a).attr('href')!;
        const target = new URL(href, `https://courier.example.com${file}`);
        if (target.origin !== 'https://courier.example.com') continue;
        const pathname = decodeURIComponent(target.pathname);
        const targetFile = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
        if (!files.has(targetFile)) broken.push(`${file} → ${href}`);
        else if (target.hash && targetFile.endsWith('.html') && !(await idsOf(targetFile)).has(decodeURIComponent(target.hash.slice(1)))) {
          broken.push(`${file} → ${href} (no such id)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('should publish the plain pages', async () => {
    for (const page of expected.pages) {
      const $ = await site.html(page.url);
      expect(squash($('h1').text())).toBe(page.title);
    }
  });
});

describe('feed', () => {
  let $: CheerioAPI;
  beforeAll(async () => {
    $ = await site.xml('/feed.xml');
  });

  it('should be RSS 2.0 with at most 50 items, newest first', () => {
    expect($('rss').attr('version')).toBe('2.0');
    const items = $('channel > item').toArray();
    expect(items.length).toBeLessThanOrEqual(50);
    const links = items.map((item) => new URL($(item).children('link').text()).pathname);
    expect(links).toEqual(urlsOf(articles).slice(0, 50));
    const guids = items.map((item) => $(item).children('guid').text());
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('should give each item the pubDate day shown on its article page', async () => {
    for (const item of $('channel > item').toArray()) {
      const url = new URL($(item).children('link').text()).pathname;
      const page = await site.html(url);
      const shown = parseShownDate(page('article.story time[datetime]').first().text());
      expect(rfc822Day($(item).children('pubDate').text()), url).toBe(shown);
    }
  });

  it('should be what the cards on the front page link to', async () => {
    const front = await site.html('/');
    const first = cardLinks(front)[0];
    expect(new URL($('channel > item > link').first().text()).pathname).toBe(first);
  });
});
