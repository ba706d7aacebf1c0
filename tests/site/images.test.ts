/**
 * Images (issue 5): a lead image and images beside the article become responsive `<picture>`
 * elements (AVIF, WebP, JPEG; width and height; lazy loading in the body) and sharing metadata.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fileForUrl, type BuiltSite } from '../helpers/build.ts';

const url = '/2025/04/02/quay-reopens/';
let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture('images');
});

afterAll(async () => {
  await site?.cleanup();
});

describe('images', () => {
  it('should show the lead image as a picture with every format, its size, caption and credit', async () => {
    const $ = await site.html(url);
    const figure = $('figure.lead-image');
    expect(figure.find('source').map((_, source) => $(source).attr('type')).get()).toEqual(['image/avif', 'image/webp']);
    const img = figure.find('img');
    expect(img.attr('alt')).toBe('The repaired north quay seen from the water');
    expect(Number(img.attr('width'))).toBeGreaterThan(0);
    expect(Number(img.attr('height'))).toBeGreaterThan(0);
    expect(img.attr('loading')).toBe('eager');
    expect(figure.find('figcaption').text()).toContain('The quay reopened on Wednesday.');
    expect(figure.find('.credit').text()).toBe('Photo by the Harbour Gazette');
  });

  it('should turn an image in the body into a lazy picture, and publish every file its srcset names', async () => {
    const $ = await site.html(url);
    const picture = $('.story-body picture');
    expect(picture).toHaveLength(1);
    expect(picture.find('img').attr('loading')).toBe('lazy');
    expect(picture.find('img').attr('alt')).toBe('A ferry tied up at the quay');
    const srcs = picture.find('source').map((_, source) => $(source).attr('srcset')!.split(', ').map((entry) => entry.split(' ')[0]!)).get() as string[];
    expect(srcs.length).toBeGreaterThanOrEqual(4);
    for (const src of [...srcs, picture.find('img').attr('src')!]) expect(existsSync(fileForUrl(site.outputDir, src)), src).toBe(true);
    expect($('.story-body img[src="./quay.jpg"]')).toHaveLength(0);
  });

  it('should share the lead image in Open Graph and JSON-LD', async () => {
    const $ = await site.html(url);
    const ogImage = $('meta[property="og:image"]').attr('content')!;
    expect(ogImage).toMatch(/^https:\/\/gazette\.example\.com\/img\/.+\.jpeg$/);
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect(JSON.parse($('script[type="application/ld+json"]').text()).image).toEqual([ogImage]);
  });
});
