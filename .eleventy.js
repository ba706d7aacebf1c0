// Eleventy's config for `npm start` (the dev server). Broadsheet itself lives in src/, in
// TypeScript, loaded through tsx; `npm run build` uses the same plugin and options.
import { register } from 'tsx/esm/api';

register();
const { broadsheetPlugin, eleventyOptions } = await import('./src/eleventy/plugin.ts');

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(broadsheetPlugin, {
    // The dev server previews: drafts shown with a badge, content errors shown on the page.
    preview: process.env.ELEVENTY_RUN_MODE === 'serve',
  });
}

export const config = eleventyOptions;
