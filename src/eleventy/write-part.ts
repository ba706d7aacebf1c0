/**
 * One Eleventy run over Broadsheet's templates: writes one part of a build's pages.
 */
import type { EmitPlan } from './emit-plan.ts';
import { broadsheetPlugin, eleventyOptions } from './plugin.ts';
import type { SiteData } from './site-data.ts';

/** The data and folders of a part. */
export interface PartOptions {
  data: SiteData;
  outputDir: string;
  contentDir: string;
  publicDir: string;
  preview: boolean;
}

/** What one Eleventy run wrote. */
export interface Written {
  written: number;
  copied: number;
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
 * Write one part with a fresh Eleventy, in this thread.
 *
 * @param emit The pages of the part.
 * @param options The data and folders.
 * @param pagesOnly Whether the single pages and `public/` are left to another part.
 * @returns What it wrote.
 */
export async function writePart(emit: EmitPlan, options: PartOptions, pagesOnly: boolean): Promise<Written> {
  // Imported here, not at start-up: loading Eleventy takes ~0.5 s, which a rebuild then spends
  // while its search index is being made instead of before.
  const { default: Eleventy } = await import('@11ty/eleventy');
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
        prepared: { data: options.data, emit, pagesOnly },
      });
    },
  });
  const [files, templates] = await eleventy.write();
  return { written: templates.length, copied: files.reduce((sum, entry) => sum + (entry.count ?? 0), 0) };
}
