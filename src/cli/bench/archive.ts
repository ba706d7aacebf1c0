/**
 * Writes a synthetic archive to disk: `site.yaml`, `pages/about.md`, author records and the
 * articles, into a content folder outside the project's own `content/`.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { articleFile } from './article-body.ts';
import { planArchive, type ArchivePlan } from './plan.ts';
import { createRandom } from './random.ts';
import { ROLES } from './vocabulary.ts';

/** Bump when the generator's output changes, so stale archives are rebuilt. */
export const GENERATOR_VERSION = 2;

/** The site URL of every generated archive. */
export const BENCH_SITE_URL = 'https://bench.example.org';

const MARKER = '.bench-archive.json';

/** Options for `ensureArchive`. */
export interface Options {
  /** Number of articles. */
  size: number;
  /** Text seed (default: `'broadsheet'`). */
  seed?: string;
}

/**
 * Make sure `contentDir` holds the archive of this size and seed; write it only when it is
 * missing or was made by another generator version. Written beside the target and renamed into
 * place, so a killed run never leaves a half archive that looks complete.
 *
 * @param contentDir Where the content folder goes.
 * @param options Size and seed.
 * @returns The plan, whether files were written, and the stamp that identifies the archive.
 */
export async function ensureArchive(contentDir: string, options: Options): Promise<{ plan: ArchivePlan; written: boolean; stamp: string }> {
  const seed = options.seed ?? 'broadsheet';
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, size: options.size, seed });
  const plan = planArchive(options.size, seed);
  const existing = await readFile(path.join(contentDir, MARKER), 'utf8').catch(() => '');
  if (existing === stamp) return { plan, written: false, stamp };
  const staging = `${contentDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await writeArchive(staging, plan);
  await writeFile(path.join(staging, MARKER), stamp);
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(path.dirname(contentDir), { recursive: true });
  await rename(staging, contentDir);
  return { plan, written: true, stamp };
}

/**
 * Write every file of a planned archive into `contentDir` (which may exist).
 *
 * @param contentDir The content folder.
 * @param plan The archive plan.
 */
export async function writeArchive(contentDir: string, plan: ArchivePlan): Promise<void> {
  const years = new Set(plan.articles.map((article) => path.dirname(article.path)));
  for (const folder of ['pages', 'authors', ...years]) await mkdir(path.join(contentDir, folder), { recursive: true });
  await writeFile(path.join(contentDir, 'site.yaml'), siteYaml());
  await writeFile(path.join(contentDir, 'pages', 'about.md'), aboutPage());
  for (const author of plan.authors.filter((entry) => entry.hasRecord)) {
    await writeFile(path.join(contentDir, 'authors', `${author.slug}.md`), authorFile(plan, author.name, author.slug, author.role));
  }
  // A bounded number of writes in flight: fast, without opening 100,000 files at once.
  const batch = 64;
  for (let start = 0; start < plan.articles.length; start += batch) {
    await Promise.all(
      plan.articles.slice(start, start + batch).map((article) => writeFile(path.join(contentDir, article.path), articleFile(plan, article))),
    );
  }
}

function siteYaml(): string {
  return [
    'name: The Benchmark Gazette',
    `url: ${BENCH_SITE_URL}`,
    'language: en',
    'description: A synthetic news archive for measuring build times.',
    'copyright: "© The Benchmark Gazette. All rights reserved."',
    'timezone: America/New_York',
    'perPage: 20',
    '',
  ].join('\n');
}

function aboutPage(): string {
  return [
    '---',
    'title: About The Benchmark Gazette',
    'description: What this synthetic archive is for.',
    '---',
    'The Benchmark Gazette is generated text, made to measure how fast an archive builds.',
    '',
    '## Our newsroom',
    '',
    'Fifty invented correspondents file stories on three hundred invented topics, spread over twenty years.',
    '',
    '- Every article is made from a seeded generator, so each run reads the same files.',
    '- Nothing here is real news.',
    '',
  ].join('\n');
}

function authorFile(plan: ArchivePlan, name: string, slug: string, role: string): string {
  const random = createRandom(`${plan.seed}:author:${slug}`);
  const lines = ['---', `name: ${name}`, `role: ${role}`];
  if (random.chance(0.6)) {
    lines.push('links:', '  - label: Email', `    url: mailto:${slug}@bench.example.org`);
  }
  lines.push('---', `${name} covers the stories of ${random.pick(ROLES).replace(/^(a|an|the) /, 'the work of ')} for *The Benchmark Gazette*.`, '');
  return lines.join('\n');
}
