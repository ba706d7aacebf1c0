/**
 * Runs Eleventy over Broadsheet's templates to write a build's pages into a folder. Eleventy keeps
 * every page of a run in memory until the run ends, so a large site is written in parts, each
 * by a fresh Eleventy: memory stays flat however many pages there are.
 */
import type { EmitPlan } from './emit-plan.ts';
import { broadsheetPlugin, eleventyOptions } from './plugin.ts';
import type { SiteData } from './site-data.ts';

/** Pages per Eleventy run. Measured at 10,000 articles: parts of 5,000 pages cost ~0.3 s a part. */
export const PART_SIZE = 5000;

/** What `writePages` needs. */
export interface WriteOptions {
  data: SiteData;
  /** The paginated pages to write; the other pages and `public/` are always written. */
  emit: EmitPlan;
  outputDir: string;
  contentDir: string;
  publicDir: string;
  preview: boolean;
  /** Pages per Eleventy run (default: `PART_SIZE`). */
  partSize?: number;
}

/** The part of Eleventy's config API this file uses. */
interface EleventyUserConfig {
  setIncludesDirectory(folder: string): void;
  setLayoutsDirectory(folder: string): void;
  setDataDirectory(folder: string): void;
  setTemplateFormats(formats: string[]): void;
  addPlugin(plugin: typeof broadsheetPlugin, options: Parameters<typeof broadsheetPlugin>[1]): void;
}

/**
 * Write the pages.
 *
 * @param options The data, the pages and the folders.
 * @returns Pages written and static files copied.
 */
export async function writePages(options: WriteOptions): Promise<{ written: number; copied: number }> {
  let written = 0;
  let copied = 0;
  const parts = splitPlan(options.emit, options.partSize ?? PART_SIZE);
  // Imported here, not at start-up: loading Eleventy takes ~0.5 s, which a rebuild then spends
  // while its search index is being made instead of before.
  const { default: Eleventy } = await import('@11ty/eleventy');
  for (const [index, emit] of parts.entries()) {
    const { dir, templateFormats } = eleventyOptions;
    const eleventy = new Eleventy(dir.input, options.outputDir, {
      quietMode: true,
      configPath: false,
      config: (eleventyConfig: EleventyUserConfig) => {
        // What `.eleventy.js` exports as `config`, applied through the API.
        eleventyConfig.setIncludesDirectory(dir.includes);
        eleventyConfig.setLayoutsDirectory(dir.layouts);
        eleventyConfig.setDataDirectory(dir.data);
        eleventyConfig.setTemplateFormats(templateFormats);
        eleventyConfig.addPlugin(broadsheetPlugin, {
          contentDir: options.contentDir,
          publicDir: options.publicDir,
          preview: options.preview,
          prepared: { data: options.data, emit, pagesOnly: index > 0 },
        });
      },
    });
    const [files, templates] = (await eleventy.write()) as [Array<{ count?: number }>, unknown[]];
    written += templates.length;
    copied += files.reduce((sum, entry) => sum + (entry.count ?? 0), 0);
  }
  return { written, copied };
}

/**
 * Split the pages into parts of at most `size` (at least one part, which also writes the rest).
 *
 * @param emit The pages.
 * @param size Pages per part.
 * @returns The parts.
 */
export function splitPlan(emit: EmitPlan, size: number): EmitPlan[] {
  const empty = (): EmitPlan => ({ articles: [], listings: [], feedFiles: [], redirects: [], pages: [] });
  const parts = [empty()];
  let room = size;
  for (const name of Object.keys(emit) as Array<keyof EmitPlan>) {
    let rest: unknown[] = emit[name];
    while (rest.length > 0) {
      if (room === 0) {
        parts.push(empty());
        room = size;
      }
      (parts.at(-1)![name] as unknown[]).push(...rest.slice(0, room));
      const taken = Math.min(room, rest.length);
      rest = rest.slice(taken);
      room -= taken;
    }
  }
  return parts;
}
