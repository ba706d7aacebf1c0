/**
 * Responsive images: every local image an article uses (its lead image and those in its body)
 * is made into AVIF, WebP and JPEG at a few widths with @11ty/eleventy-img (sharp), and written
 * into the site's `/img/` folder; the article's markup becomes a `<picture>` with `srcset`,
 * explicit width and height, and lazy loading.
 */
import Image from '@11ty/eleventy-img';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../content/model.ts';
import { withHtml } from '../render/render-all.ts';

const WIDTHS = [480, 960, 1440];
const FORMATS = ['avif', 'webp', 'jpeg'];
const SIZES = '(min-width: 48rem) 42rem, 100vw';

type Metadata = Record<string, Array<{ url: string; width: number; height: number; outputPath: string; filename: string }>>;

/**
 * Make the sizes of every local image and return the articles with `<picture>` markup.
 *
 * @param articles Loaded articles (their `images` and `leadImage` name files inside `content/`).
 * @param outputDir The site folder being written; images go to its `img/`.
 * @param cacheDir Where the sizes are kept between builds, so an unchanged image is made once
 *   (default: `'.cache/images'`).
 * @returns The same articles, with body images replaced and `leadImage.html` set.
 */
export async function withResponsiveImages(articles: readonly Article[], outputDir: string, cacheDir = '.cache/images'): Promise<Article[]> {
  const made = new Map<string, Promise<Metadata>>();
  const metadataOf = (file: string) => {
    let metadata = made.get(file);
    if (!metadata) {
      metadata = (async () => {
        // eleventy-img names files by a hash of the source and options, and skips files it finds.
        const result = (await Image(file, { widths: [...WIDTHS, 'auto'], formats: FORMATS, outputDir: path.resolve(cacheDir), urlPath: '/img/' })) as Metadata;
        await mkdir(path.join(outputDir, 'img'), { recursive: true });
        await Promise.all(Object.values(result).flat().map((entry) => copyFile(entry.outputPath, path.join(outputDir, 'img', entry.filename))));
        return result;
      })();
      made.set(file, metadata);
    }
    return metadata;
  };
  const picture = async (file: string, alt: string, eager = false) =>
    Image.generateHTML(await metadataOf(file), { alt, sizes: SIZES, loading: eager ? 'eager' : 'lazy', decoding: 'async' }) as string;

  return Promise.all(
    articles.map(async (article) => {
      if (!article.leadImage && article.images.length === 0) return article;
      const bySrc = new Map(article.images.map((image) => [image.src, image.file]));
      let html = article.body.html;
      if (bySrc.size > 0) {
        const tree: Root = fromHtml(html, { fragment: true });
        const replacements: Array<{ parent: Root | Element; index: number; file: string; alt: string }> = [];
        const walk = (parent: Root | Element) =>
          parent.children.forEach((child, index) => {
            if (child.type !== 'element') return;
            const src = child.properties.src;
            if (child.tagName === 'img' && typeof src === 'string' && bySrc.has(src)) {
              replacements.push({ parent, index, file: bySrc.get(src)!, alt: String(child.properties.alt ?? '') });
            } else walk(child);
          });
        walk(tree);
        for (const { parent, index, file, alt } of replacements) {
          parent.children[index] = { type: 'raw', value: await picture(file, alt) } as unknown as Element;
        }
        html = toHtml(tree, { allowDangerousHtml: true });
      }
      const lead = article.leadImage;
      const leadImage = lead
        ? { ...lead, html: await picture(lead.file, lead.alt, true), url: largestJpeg(await metadataOf(lead.file)) }
        : undefined;
      return { ...article, body: withHtml(article.body, html), ...(leadImage ? { leadImage } : {}) };
    }),
  );
}

function largestJpeg(metadata: Metadata): string {
  const jpegs = metadata.jpeg ?? [];
  return jpegs[jpegs.length - 1]?.url ?? '';
}
