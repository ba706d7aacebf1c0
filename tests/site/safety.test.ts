/**
 * Builds `tests/sites/safety/`, whose one hostile article carries a script-breaking title, raw
 * `<script>` and `<img onerror>`, `javascript:` links and template syntax. Nothing in the output
 * may run, and every text must reach the reader exactly as written: escaped once, never twice.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixture, type BuiltSite } from '../helpers/build.ts';
import { squash } from './archive-model.ts';

const source = await readFile(path.join(fixture('safety').contentDir, 'articles', 'hostile-markup.md'), 'utf8');
const frontmatter = parse(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!) as { title: string; description: string };
const { title, description } = frontmatter;
const url = '/2025/06/01/hostile-markup/';

let site: BuiltSite;
let texts: Map<string, string>;

beforeAll(async () => {
  site = await buildFixture('safety');
  texts = new Map();
  for (const file of await site.files()) {
    // Pagefind's own scripts and compressed index; tests/browser/search.test.ts shows its results are text.
    if (!file.startsWith('/pagefind/')) texts.set(file, await readFile(path.join(site.outputDir, file), 'utf8'));
  }
});

afterAll(async () => {
  await site?.cleanup();
});

describe('a hostile article', () => {
  it('should be the title the fixture meant', () => {
    expect(title).toBe(`</script><script>alert(1)</script> "Q" & 'S'`);
  });

  it.each([/<script/i, /onerror/i, /javascript:/i])('should leave no %s in any output file', (pattern) => {
    expect(texts.size).toBeGreaterThan(5);
    // The JSON-LD data block is the one script element allowed; it may hold no `<` at all.
    const dataBlock = /<script type="application\/ld\+json">[^<]*<\/script>/g;
    // The search page loads its scripts from files of the site; no editor text is on it.
    const searchScripts = /<script src="\/(pagefind|assets)\/[\w./-]+"( defer| type="module")*><\/script>/g;
    const clean = (file: string, text: string) => (file.endsWith('search/index.html') ? text.replace(searchScripts, '') : text).replace(dataBlock, '');
    // JSON Feed strings are JSON, not HTML: the title is there as written; its HTML is checked.
    const scanned = [...texts].map(([file, text]): [string, string] =>
      file.endsWith('.json') ? [file, (JSON.parse(text) as { items: Array<{ content_html: string }> }).items.map((item) => item.content_html).join('\n')] : [file, text],
    );
    expect(scanned.filter(([file, text]) => pattern.test(clean(file, text))).map(([file]) => file)).toEqual([]);
  });

  it('should show the title once-escaped in <title>, h1, cards and neighbour links', async () => {
    const $ = await site.html(url);
    const pageTitle = $('title').text();
    expect(pageTitle.startsWith(title)).toBe(true);
    // Whatever separates the headline from the site name, it holds no letters (no `&amp;` residue).
    expect(pageTitle.slice(title.length)).toMatch(/^[^A-Za-z]*The Safety Fixture Post$/);
    expect($('h1').text()).toBe(title);
    expect(squash($('meta[name=description]').attr('content') ?? '')).toBe(description);

    for (const listing of ['/', '/tags/security/', '/authors/pat-quill/', '/2025/', '/2025/06/']) {
      const page = await site.html(listing);
      const card = page(`.listing article.card .card-title a[href="${url}"]`);
      expect(card.text(), listing).toBe(title);
    }
    const neighbour = await site.html('/2025/05/30/plain-neighbour/');
    expect(squash(neighbour(`a[href="${url}"]`).text())).toContain(title);
  });

  it('should never escape anything twice', () => {
    // Feed elements that carry HTML are escaped once as HTML and once as XML, by design; what they
    // hold once XML-decoded is checked as HTML instead.
    const htmlInXml = /<(description|content:encoded)>([\s\S]*?)<\/\1>/g;
    for (const [file, text] of texts) {
      expect(text.replace(htmlInXml, ''), file).not.toMatch(/&amp;(lt|gt|quot|amp|#39|#x27);/);
      for (const [, , inner] of text.matchAll(htmlInXml)) {
        const html = load(inner!, { xml: true }).root().text();
        expect(html, file).not.toMatch(/&amp;(lt|gt|quot|amp|#39|#x27);/);
      }
    }
  });

  it('should show template syntax literally instead of running it', async () => {
    const $ = await site.html(url);
    const body = squash($('article.story').text());
    expect(body).toContain('{{ 7*7 }}');
    expect(body).toContain('{% raw %}{% endraw %}');
    expect(body).not.toContain('49');
    expect(squash($('.dek, article.story header').first().text())).toContain('{{ 7*7 }}');
  });

  it('should keep the text around the removed markup and the link text', async () => {
    const $ = await site.html(url);
    expect($('article.story code').first().text()).toBe('<script>alert(3)</script>');
    expect(squash($('article.story').text())).toContain('This paragraph is plain text that must survive the trip to the page.');
    expect($('article.story a').filter((_, a) => $(a).text() === 'link that runs code')).toHaveLength(1);
    for (const a of $('a[href]').toArray()) expect($(a).attr('href')).not.toMatch(/^\s*(javascript|data|vbscript):/i);
  });

  it('should carry the title through the feed exactly', async () => {
    const $ = await site.xml('/feed.xml');
    const item = $('channel > item').filter((_, element) => $(element).children('link').text().endsWith(url));
    expect(item).toHaveLength(1);
    expect(item.children('title').text()).toBe(title);
    // content:encoded is HTML for feed readers: it must hold no script either.
    const html = load(item.children('content\\:encoded').text());
    expect(html('script, [onerror]')).toHaveLength(0);
    expect(html('code').first().text()).toBe('<script>alert(3)</script>');
  });

  // Regression: RSS readers treat <description> as HTML, so the summary is escaped twice over.
  it('should give feed readers a description that is text once decoded as HTML', async () => {
    const $ = await site.xml('/feed.xml');
    const item = $('channel > item').filter((_, element) => $(element).children('link').text().endsWith(url));
    const asReaderSeesIt = load(item.children('description').text());
    expect(asReaderSeesIt('script')).toHaveLength(0);
    expect(asReaderSeesIt.root().text()).toBe(description);
  });
});
