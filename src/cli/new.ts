/**
 * `npm run new -- "Headline of the story" [--author NAME] [--tags "a, b"]`: writes a new article
 * with today's date in the newsroom's time zone, a stable `id`, and every field explained.
 */
import { isMain } from './is-main.ts';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { calendarDay } from '../content/dates.ts';
import { loadSiteConfig } from '../content/site.ts';
import { toSlug } from '../content/slug.ts';
import { ContentError } from '../errors/report.ts';

/** What `scaffoldArticle` needs. */
export interface Options {
  title: string;
  /** Byline names (default: a placeholder the editor must replace). */
  authors?: string[];
  tags?: string[];
  /** Content folder (default: `'content'`). */
  contentDir?: string;
  /** The moment to date the article (default: now). */
  now?: Date;
}

/**
 * Write a new draft article.
 *
 * @param options Headline, byline, tags and where the content is.
 * @returns The file written (relative to the working directory) and its URL.
 * @throws When the headline has no letters or digits, or the file already exists.
 */
export async function scaffoldArticle(options: Options): Promise<{ file: string; url: string }> {
  const contentDir = path.resolve(options.contentDir ?? 'content');
  const site = await loadSiteConfig(contentDir, process.cwd());
  const title = options.title.trim();
  const slug = toSlug(title).slice(0, 80).replace(/-+$/, '');
  if (!slug) throw new Error(`Expected a headline with letters or digits, not \`${options.title}\`.`);
  const { year, month, day } = calendarDay(options.now ?? new Date(), site.timezone);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const absolute = path.join(contentDir, 'articles', String(year), `${slug}.md`);

  const field = (value: unknown) => stringify(value, { lineWidth: 0, collectionStyle: 'flow' }).trimEnd();
  const text = `---
# Headline, as readers will see it.
title: ${field(title)}
# Publication date: YYYY-MM-DD in the newsroom's time zone (${site.timezone}), or a date-time with offset.
date: ${date}
# Byline: one name, or a list such as [Amara Okafor, Priya Raman].
author: ${field(options.authors?.length === 1 ? options.authors[0] : options.authors?.length ? options.authors : 'Your Name')}
# Topics: a list such as [Elections, Parliament].
tags: ${field(options.tags ?? [])}
# One-sentence summary under the headline and in feeds (optional; else the first paragraph).
# description: 
# Stable identity for feed readers: keep it when you retitle or rename the file.
id: ${randomUUID()}
# Remove this line (or set false) to publish; drafts show only in the preview (npm start).
draft: true
# updated: ${date}
# slug: ${slug}
---
Write the first paragraph here: who, what, when, where.

## A subheading

More of the story.
`;
  await mkdir(path.dirname(absolute), { recursive: true });
  try {
    await writeFile(absolute, text, { flag: 'wx' }); // never overwrite
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`\`${path.relative(process.cwd(), absolute)}\` already exists, so nothing was written. Pick another headline, or edit that file.`);
    }
    throw error;
  }
  return { file: path.relative(process.cwd(), absolute), url: `/${year}/${pad(month)}/${pad(day)}/${slug}/` };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { author: { type: 'string', multiple: true }, tags: { type: 'string' }, content: { type: 'string' } },
  });
  const title = positionals.join(' ');
  if (!title.trim()) {
    console.error('Usage: npm run new -- "Headline of the story" [--author "Name"] [--tags "Budget, Parliament"]');
    process.exitCode = 1;
    return;
  }
  try {
    const authors = values.author?.flatMap((name) => name.split(/\s*(?:,|\band\b)\s*/)).filter(Boolean);
    const tags = values.tags?.split(',').map((tag) => tag.trim()).filter(Boolean);
    const { file, url } = await scaffoldArticle({
      title,
      ...(authors?.length ? { authors } : {}),
      ...(tags ? { tags } : {}),
      ...(values.content ? { contentDir: values.content } : {}),
    });
    console.log(`Wrote ${file}`);
    console.log(`It is a draft: preview it with \`npm start\` at http://localhost:8080${url}`);
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : (error as Error).message);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) await main();
