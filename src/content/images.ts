/**
 * The images an article uses: each local file must exist beside it, inside `content/`, and every
 * image needs alt text. The files are made into responsive sizes later, by `src/images/`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { report } from '../errors/report.ts';
import type { RenderedMarkdown } from '../pipeline/render.ts';
import type { Entry } from './read-entries.ts';
import type { Article } from './model.ts';
import type { ArticleFrontmatter } from './schema.ts';

/**
 * Check an article's lead image and body images, reporting problems on its file.
 *
 * @param entry A validated article.
 * @param body Its rendering, which lists the body's images.
 * @param contentDir Absolute content folder: no image may come from outside it.
 * @returns The local images found and the lead image, for the model.
 */
export function checkImages(entry: Entry<ArticleFrontmatter>, body: RenderedMarkdown, contentDir: string): Pick<Article, 'images' | 'leadImage'> {
  const folder = path.dirname(path.resolve(entry.file.cwd, entry.file.path));
  const local = (src: string) => {
    const file = path.resolve(folder, decodeURI(src));
    return file.startsWith(contentDir + path.sep) ? file : undefined;
  };
  const exists = (file: string | undefined) => file !== undefined && existsSync(file) && statSync(file).isFile();
  const images: Article['images'] = [];
  for (const image of body.images) {
    if (!image.alt) report(entry.file, 'image-alt', image.place, image.url);
    // Only a plain relative path is a file of ours; remote, site-absolute and odd URLs are left
    // to the sanitizer (a `javascript:` source never survives it).
    if (image.url.startsWith('/') || !/^[\w.\/%-]+$/.test(image.url)) continue;
    const file = local(image.url);
    if (exists(file)) images.push({ src: image.url, file: file! });
    else report(entry.file, 'missing-image', image.place, image.url);
  }
  const { image, image_alt, image_caption, image_credit } = entry.data;
  if (!image) return { images };
  const place = entry.places.get('image');
  const file = local(image);
  if (!exists(file)) report(entry.file, 'missing-image', place, image);
  if (!image_alt) report(entry.file, 'image-alt', place, image);
  if (!exists(file) || !image_alt) return { images };
  return {
    images,
    leadImage: { file: file!, alt: image_alt, ...(image_caption ? { caption: image_caption } : {}), ...(image_credit ? { credit: image_credit } : {}) },
  };
}
