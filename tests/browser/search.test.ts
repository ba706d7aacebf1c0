/**
 * Search in real Chromium, with the site's Content-Security-Policy in force: the basic fixture is
 * built (its build writes one Pagefind bundle per year, 2023 to 2025), then a reader searches for
 * a headline word, sees the headline, date and excerpt, filters, and follows the result to the
 * story; results from every year come back merged. Without JavaScript the page
 * keeps a plain form and points to the topic and date indexes. The hostile `safety` fixture's
 * text must come back as text in results, never as markup.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Manifest } from '../../src/search/manifest.ts';
import { buildFixture, fixture, repoRoot, type BuiltSite } from '../helpers/build.ts';
import { chromiumPath, formatViolations, hasChromium, launchChromium, runAxe, serveStatic, type StaticServer } from '../helpers/browser.ts';
import { readArchive, type ExpectedArticle } from '../site/archive-model.ts';

const underCi = process.env.CI === 'true';

if (!hasChromium && !underCi) {
  console.warn(`Browser tests skipped: no Chromium at ${chromiumPath}. Install it with \`apt-get install chromium\` to run them.`);
}

describe.runIf(!hasChromium && underCi)('search browser tests under CI', () => {
  it('should find Chromium', () => {
    throw new Error(`Chromium is required under CI=true, but ${chromiumPath} does not exist; .ci/run installs it with apt-get.`);
  });
});

/** A headline word of at least five letters that no other headline has, and its article. */
function distinctiveWord(articles: readonly ExpectedArticle[]): { word: string; article: ExpectedArticle } {
  const wordsOf = (title: string): string[] => title.toLowerCase().match(/\p{L}{5,}/gu) ?? [];
  for (const article of articles) {
    const word = wordsOf(article.title).find((candidate) => articles.every((other) => other === article || !wordsOf(other.title).includes(candidate)));
    if (word) return { word, article };
  }
  throw new Error('The basic fixture needs a headline with a word no other headline has.');
}

/** The headline word (five letters or more) in the most headlines, over at least two years, and those articles. */
function sharedWord(articles: readonly ExpectedArticle[]): { word: string; articles: ExpectedArticle[] } {
  const wordsOf = (title: string): Set<string> => new Set(title.toLowerCase().match(/\p{L}{5,}/gu) ?? []);
  const counts = new Map<string, ExpectedArticle[]>();
  for (const article of articles) for (const word of wordsOf(article.title)) counts.set(word, [...(counts.get(word) ?? []), article]);
  const [word, found] = [...counts].filter(([, list]) => new Set(list.map((article) => article.day.slice(0, 4))).size > 1).sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!word || !found) throw new Error('The basic fixture needs a headline word shared by stories of two different years.');
  return { word, articles: [...found].sort((a, b) => b.day.localeCompare(a.day)) };
}

describe.skipIf(!hasChromium)('search in Chromium', () => {
  const { articles } = readArchive(fixture('basic').contentDir);
  const { word, article: target } = distinctiveWord(articles);
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];

  // A word in several stories' headlines, across years, to check merging, order and filters.
  const { word: commonWord, articles: withCommonWord } = sharedWord(articles);

  /** Press "Load more" until every result is shown. */
  const showAllResults = async (): Promise<void> => {
    const more = page.locator('.pagefind-ui__button', { hasText: /load more/i });
    while (await more.isVisible()) {
      const shown = await page.locator('.pagefind-ui__result').count();
      await more.click();
      await expect.poll(() => page.locator('.pagefind-ui__result').count()).toBeGreaterThan(shown);
    }
  };

  /** Every result's day (`YYYY-MM-DD`, from its shown date), in order, after loading them all. */
  const allResultDays = async (): Promise<string[]> => {
    await page.locator('.pagefind-ui__result-tag[data-pagefind-ui-meta="date"]').first().waitFor();
    await showAllResults();
    const dates = await page.locator('.pagefind-ui__result-tag[data-pagefind-ui-meta="date"]').allTextContents();
    return dates.map((text) => new Date(`${/[A-Z][a-z]+ \d{1,2}, \d{4}/.exec(text)![0]} UTC`).toISOString().slice(0, 10));
  };

  /** The fixture's articles with these headlines. */
  const published = (titles: readonly string[]) => articles.filter((article) => titles.includes(article.title));

  const h1 = async (target: Page = page) => (await target.locator('h1').first().textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  const resultLink = (title: string) => page.locator('.pagefind-ui__result-link', { hasText: title });

  beforeAll(async () => {
    await Promise.all([
      // The fixture's articles with the real site's public/ (stylesheets and /assets/search.js).
      buildFixture('basic', { publicDir: path.join(repoRoot, 'public') }).then((built) => (site = built)),
      // Assigned here, so afterAll closes it even when the build fails.
      launchChromium().then((launched) => (browser = launched)),
    ]);
    server = await serveStatic(site.outputDir);
    context = await browser.newContext({ baseURL: server.origin });
    context.on('response', (response) => {
      if (response.request().resourceType() !== 'document' && response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // A script, stylesheet or WebAssembly blocked by the CSP shows up here as "Refused to …".
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.cleanup();
  });

  it('should replace the plain form with the Pagefind search box', async () => {
    const response = await page.goto('/search/');
    expect(response?.status()).toBe(200);
    expect(await h1()).toBe('Search');
    await expect.poll(() => page.locator('.pagefind-ui__search-input').count()).toBe(1);
    expect(await page.locator('form.search-form').isHidden()).toBe(true);
    expect(await page.locator('.search-fallback').isHidden()).toBe(true);
  });

  it('should find a story by a word from its headline and show its headline, date, authors and excerpt', async () => {
    await page.goto('/search/');
    await page.locator('.pagefind-ui__search-input').fill(word);
    await resultLink(target.title).waitFor();
    const result = page.locator('.pagefind-ui__result', { has: resultLink(target.title) });
    expect((await result.locator('.pagefind-ui__result-excerpt').textContent())?.trim()).not.toBe('');
    const date = await result.locator('.pagefind-ui__result-tag[data-pagefind-ui-meta="date"]').textContent();
    expect(date).toMatch(new RegExp(`${target.day.slice(0, 4)}`));
    const byline = await result.locator('.pagefind-ui__result-tag[data-pagefind-ui-meta="author"]').textContent();
    expect(byline).toContain(target.authors[0]!.name);
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
  });

  it('should take the reader to the story when they click the result', async () => {
    await Promise.all([page.waitForURL((url) => url.pathname === target.url), resultLink(target.title).click()]);
    expect(await h1()).toBe(target.title);
  });

  it('should run the search given in ?q=, as the masthead form sends it', async () => {
    await page.goto(`/search/?q=${encodeURIComponent(word)}`);
    await resultLink(target.title).waitFor();
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe(word);
  });

  it('should send the masthead search box to the search page', async () => {
    await page.goto('/');
    const box = page.getByRole('search').getByRole('searchbox', { name: 'Search the archive' });
    await box.fill(word);
    await Promise.all([page.waitForURL((url) => url.pathname === '/search/'), box.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    await resultLink(target.title).waitFor();
  });

  it('should offer filters by tag, author and year', async () => {
    await page.goto(`/search/?q=${encodeURIComponent(word)}`);
    await resultLink(target.title).waitFor();
    const names = (await page.locator('.pagefind-ui__filter-name').allTextContents()).map((name) => name.trim().toLowerCase());
    expect(names).toEqual(expect.arrayContaining(['tag', 'author', 'year']));
  });

  it('should publish one bundle per year, newest first, and the UI files at /pagefind/', async () => {
    const manifest = (await (await page.request.get('/pagefind/shards.json')).json()) as Manifest;
    const years = [...new Set(articles.map((article) => article.day.slice(0, 4)))].sort().reverse();
    expect(manifest.shards.map((shard) => [shard.name, shard.bundle])).toEqual(years.map((year) => [year, `/pagefind/${year}/`]));
    for (const file of ['/pagefind/pagefind-ui.js', '/pagefind/pagefind-ui.css']) expect((await page.request.get(file)).status(), file).toBe(200);
  });

  it('should search every year at once', async () => {
    await page.goto(`/search/?q=${encodeURIComponent(commonWord)}`);
    const days = await allResultDays();
    // Stories may also match by their text; every one with the word in its headline must be there.
    expect(days).toEqual(expect.arrayContaining(withCommonWord.map((article) => article.day)));
    expect(new Set(days.map((day) => day.slice(0, 4))).size).toBeGreaterThan(1);
  });

  it('should require every word of a search, also one that only some years use', async () => {
    // Pagefind ignores a word its index has never seen. With one bundle per year, "harbour dredging"
    // would also list the harbour stories of the years that never mention dredging.
    const titlesFor = async (query: string): Promise<string[]> => {
      await page.goto(`/search/?q=${encodeURIComponent(query)}`);
      await page.locator('.pagefind-ui__message', { hasText: /results? for/ }).waitFor();
      await showAllResults();
      return (await page.locator('.pagefind-ui__result-link').allTextContents()).map((title) => title.trim()).sort();
    };
    const harbour = await titlesFor('harbour');
    const dredging = await titlesFor('dredging');
    const harbourYears = new Set(published(harbour).map((article) => article.day.slice(0, 4)));
    expect(harbourYears.size, 'the basic fixture should have harbour stories from several years').toBeGreaterThan(1);
    expect(new Set(published(dredging).map((article) => article.day.slice(0, 4))).size, 'and dredging in fewer years').toBeLessThan(harbourYears.size);

    expect(await titlesFor('harbour dredging')).toEqual(harbour.filter((title) => dredging.includes(title)));
    // A word no story has is still forgiven, as Pagefind does with one index.
    expect(await titlesFor('harbour zzzqx')).toEqual(harbour);
  });

  it('should filter by year across the merged bundles', async () => {
    const year = withCommonWord.at(-1)!.day.slice(0, 4);
    await page.goto(`/search/?q=${encodeURIComponent(commonWord)}`);
    // Wait for the result count, after which Pagefind stops re-drawing the filter panel.
    await page.locator('.pagefind-ui__message', { hasText: /results? for/ }).waitFor();
    const block = page.locator('.pagefind-ui__filter-block', { has: page.locator('.pagefind-ui__filter-name', { hasText: /^\s*year\s*$/i }) });
    if ((await block.getAttribute('open')) === null) await block.locator('.pagefind-ui__filter-name').click();
    // Every year is counted, not only the newest bundle's (older years' filters load as they merge).
    const counted = (await block.locator('label').allTextContents()).map((label) => label.replace(/\s+/g, ' ').trim());
    const years = [...new Set(withCommonWord.map((article) => article.day.slice(0, 4)))];
    expect(counted).toEqual(expect.arrayContaining(years.map((each) => expect.stringMatching(new RegExp(`^${each} \\([1-9]\\d*\\)$`)))));
    const checkbox = block.getByRole('checkbox', { name: new RegExp(`^\\s*${year}\\b`) });
    await checkbox.check();
    await expect.poll(async () => (await allResultDays()).every((day) => day.startsWith(year))).toBe(true);
    const expected = withCommonWord.filter((article) => article.day.startsWith(year)).map((article) => article.day);
    expect(await allResultDays()).toEqual(expect.arrayContaining(expected));
  });

  it('should no longer mark up article pages for Pagefind, now that the index is built from data', async () => {
    const $ = await site.html(target.url);
    expect($('[data-pagefind-body], [data-pagefind-meta], [data-pagefind-filter], [data-pagefind-sort]')).toHaveLength(0);
  });

  it('should have loaded everything without a CSP violation or script error', () => {
    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("should still search when a host sends the page's CSP as a header, which also binds Pagefind's worker", async () => {
    // A <meta> policy does not reach the Web Worker Pagefind searches in; a header policy does, and
    // compiling its WebAssembly there needs 'wasm-unsafe-eval'.
    await page.goto('/search/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("'wasm-unsafe-eval'");
    const strict = await browser.newContext({ baseURL: server.origin });
    try {
      await strict.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy! } });
      });
      const headerPage = await strict.newPage();
      const errors: string[] = [];
      headerPage.on('pageerror', (error) => errors.push(error.message));
      await headerPage.goto(`/search/?q=${encodeURIComponent(word)}`);
      await headerPage.locator('.pagefind-ui__result-link', { hasText: target.title }).waitFor({ timeout: 10_000 });
      expect(errors).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('should have no serious or critical axe violations with results shown', async () => {
    // axe is injected as an inline script, which the CSP rightly forbids; this page bypasses it.
    const axePage = await (await browser.newContext({ baseURL: server.origin, bypassCSP: true })).newPage();
    try {
      await axePage.goto(`/search/?q=${encodeURIComponent(word)}`);
      await axePage.locator('.pagefind-ui__result-link', { hasText: target.title }).waitFor();
      const violations = await runAxe(axePage);
      const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      if (violations.length) console.log(`axe on /search/:\n${formatViolations(violations)}`);
      expect(serious, formatViolations(serious)).toEqual([]);
    } finally {
      await axePage.context().close();
    }
  });

  it('should keep a working form and point to the topic and date indexes without JavaScript', async () => {
    const noJs = await browser.newContext({ baseURL: server.origin, javaScriptEnabled: false });
    try {
      const plain = await noJs.newPage();
      await plain.goto('/search/');
      expect(await plain.locator('form.search-form[action="/search/"][method="get"] input[name="q"]').isVisible()).toBe(true);
      const note = plain.locator('.search-fallback');
      expect(await note.isVisible()).toBe(true);
      expect(await note.locator('a[href="/tags/"]').count()).toBe(1);
      expect(await note.locator('a[href="/archive/"]').count()).toBe(1);
      await plain.locator('form.search-form input[name="q"]').fill(word);
      await Promise.all([plain.waitForURL((url) => url.searchParams.get('q') === word), plain.locator('form.search-form button').click()]);
      expect(await plain.locator('.search-fallback').isVisible()).toBe(true);
    } finally {
      await noJs.close();
    }
  });
});

describe.skipIf(!hasChromium)('search results for hostile content in Chromium', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    await Promise.all([
      buildFixture('safety', { publicDir: path.join(repoRoot, 'public') }).then((built) => (site = built)),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    server = await serveStatic(site.outputDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.cleanup();
  });

  it('should show the headline and excerpt as text, with nothing injected and nothing run', async () => {
    const source = await readFile(path.join(fixture('safety').contentDir, 'articles', 'hostile-markup.md'), 'utf8');
    const { title } = parse(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!) as { title: string };
    const page = await (await browser.newContext({ baseURL: server.origin })).newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      for (const query of ['alert', 'script', 'image']) {
        await page.goto(`/search/?q=${query}`);
        const link = page.locator('.pagefind-ui__result-link').first();
        await link.waitFor({ timeout: 10_000 });
        expect(await link.textContent()).toBe(title);
        expect(await page.locator('#search script, #search img, #search iframe, #search object, #search [onerror]').count(), query).toBe(0);
        expect(await page.locator('.pagefind-ui__result-excerpt').first().textContent(), query).not.toBe('');
      }
      expect(dialogs).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
