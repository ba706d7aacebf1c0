/**
 * The sample archive (`content/`, `public/`) in real Chromium: a reader's path from the front page
 * through a topic, a story and its author; axe-core on the main page types; no sideways scrolling
 * on a 360 px wide phone.
 */
import sharp from 'sharp';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { repoRoot, tempDir } from '../helpers/build.ts';
import { chromiumPath, formatViolations, hasChromium, launchChromium, runAxe, serveStatic, type StaticServer } from '../helpers/browser.ts';

const underCi = process.env.CI === 'true';

if (!hasChromium && !underCi) {
  console.warn(`Browser tests skipped: no Chromium at ${chromiumPath}. Install it with \`apt-get install chromium\` to run them.`);
}

describe.runIf(!hasChromium && underCi)('browser tests under CI', () => {
  it('should find Chromium', () => {
    throw new Error(`Chromium is required under CI=true, but ${chromiumPath} does not exist; .ci/run installs it with apt-get.`);
  });
});

describe.skipIf(!hasChromium)('the sample archive in Chromium', () => {
  let root: string;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** For axe only: the site's CSP rightly forbids inline scripts, and axe is injected as one. */
  let axePage: Page;
  /** Pages the reader's path visited, for the axe and layout checks. */
  const visited: { article?: string; tag?: string } = {};
  /** Stylesheets, icons and images that did not load, on any page. */
  const failedAssets: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    root = await tempDir('browser');
    const outputDir = path.join(root, 'site');
    await Promise.all([
      buildSite({ contentDir: path.join(repoRoot, 'content'), publicDir: path.join(repoRoot, 'public'), outputDir }),
      // Assigned here, so afterAll closes it even when the build fails.
      launchChromium().then((launched) => (browser = launched)),
    ]);
    server = await serveStatic(outputDir);
    // The reader's path runs with the site's own Content Security Policy in force.
    context = await browser.newContext({ baseURL: server.origin });
    context.on('response', (response) => {
      if (response.request().resourceType() !== 'document' && response.status() >= 400) failedAssets.push(`${response.status()} ${response.url()}`);
    });
    context.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // A click that navigates away cancels requests still in flight (the favicon, often): not a fault.
      if (reason !== 'net::ERR_ABORTED') failedAssets.push(`${reason} ${request.url()}`);
    });
    page = await context.newPage();
    // A style blocked by the CSP or a script error shows up here; the deliberate 404 visit is expected.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/404 \(Not Found\)/.test(message.text())) consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    axePage = await (await browser.newContext({ baseURL: server.origin, bypassCSP: true })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const h1 = async (target: Page = page) => (await target.locator('h1').first().textContent())?.replace(/\s+/g, ' ').trim() ?? '';

  it('should find a violation axe is known to report, so a clean result means something', async () => {
    await axePage.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="/x.png"></main></html>');
    const violations = await runAxe(axePage);
    expect(violations.map((violation) => violation.id)).toContain('image-alt');
  });

  it('should serve the 404 page for a missing address', async () => {
    const response = await page.goto('/no/such/story/');
    expect(response?.status()).toBe(404);
    expect(await h1()).toMatch(/not found/i);
  });

  it('should take a reader from the front page through a topic and a story to its author', async () => {
    const front = await page.goto('/');
    expect(front?.status()).toBe(200);
    expect(await h1()).not.toBe('');
    expect(await page.locator('.listing article.card').count()).toBeGreaterThan(0);

    // A topic link on a card if the cards have them, otherwise the first story's topic list.
    let tagLink = page.locator('.listing article.card a[rel=tag]').first();
    if ((await tagLink.count()) === 0) {
      const firstStory = page.locator('.listing article.card .card-title a').first();
      const storyTitle = (await firstStory.textContent())!.trim();
      await Promise.all([page.waitForURL(/\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/), firstStory.click()]);
      expect(await h1()).toBe(storyTitle);
      tagLink = page.locator('article.story .story-tags a[rel=tag]').first();
    }
    const tagName = (await tagLink.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/tags\/[^/]+\/$/), tagLink.click()]);
    visited.tag = new URL(page.url()).pathname;
    expect(await h1()).toContain(tagName);

    const storyLink = page.locator('.listing article.card .card-title a').first();
    const storyTitle = (await storyLink.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/), storyLink.click()]);
    visited.article = new URL(page.url()).pathname;
    expect(await h1()).toBe(storyTitle);
    const storyTags = await page.locator('article.story .story-tags a[rel=tag]').allTextContents();
    expect(storyTags.map((text) => text.trim())).toContain(tagName);

    const authorLink = page.locator('article.story .byline a[rel=author]').first();
    const authorName = (await authorLink.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/authors\/[^/]+\/$/), authorLink.click()]);
    expect(await h1()).toBe(authorName);
    expect(await page.locator(`.listing article.card .card-title a[href="${visited.article}"]`).count()).toBe(1);
  });

  it.each(['/', 'article', 'tag', '/archive/'])('should have no serious or critical axe violations on %s', async (which) => {
    const url = which.startsWith('/') ? which : visited[which as 'article' | 'tag'];
    expect(url, 'the reader path test must run first').toBeDefined();
    await axePage.goto(url!);
    const violations = await runAxe(axePage);
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    if (violations.length) console.log(`axe on ${url}:\n${formatViolations(violations)}`);
    expect(serious, formatViolations(serious)).toEqual([]);
  });

  it('should have loaded every stylesheet, icon and image the pages asked for, without console errors', () => {
    expect(failedAssets).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it.each(['/', 'article'])('should not scroll sideways at 360×800 on %s', async (which) => {
    const url = which.startsWith('/') ? which : visited[which as 'article'];
    expect(url, 'the reader path test must run first').toBeDefined();
    const phone = await browser.newPage({ baseURL: server.origin, viewport: { width: 360, height: 800 } });
    try {
      await phone.goto(url!);
      const width = await phone.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(360);
    } finally {
      await phone.close();
    }
  });

  it.each(['light', 'dark'] as const)('should read well on a 360 px phone in %s mode (checked on a screenshot)', async (scheme) => {
    const phone = await browser.newPage({ baseURL: server.origin, viewport: { width: 360, height: 800 }, colorScheme: scheme });
    try {
      await phone.goto('/2025/08/22/government-unveils-ten-year-rail-plan/');
      const shot = await phone.screenshot({ fullPage: true });
      const image = sharp(shot);
      expect((await image.metadata()).width).toBe(360);
      // The page background (a corner of the screenshot) follows the reader's colour scheme.
      const corner = await sharp(shot).extract({ left: 0, top: 0, width: 8, height: 8 }).stats();
      const brightness = corner.channels.slice(0, 3).reduce((sum, channel) => sum + channel.mean, 0) / 3;
      if (scheme === 'light') expect(brightness).toBeGreaterThan(200);
      else expect(brightness).toBeLessThan(60);
      // The lead image fits the screen.
      const box = await phone.locator('figure.lead-image img').boundingBox();
      expect(box!.width).toBeLessThanOrEqual(360);
      expect(box!.height).toBeGreaterThan(100);
    } finally {
      await phone.close();
    }
  });
});
