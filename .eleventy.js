// Eleventy reads this file; Broadsheet itself lives in src/ (TypeScript, loaded through tsx).
import { register } from 'tsx/esm/api';

register();
const { broadsheetPlugin } = await import('./src/index.ts');

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(broadsheetPlugin, {
    // The dev server (`npm start`) shows drafts; production builds never do.
    includeDrafts: process.env.ELEVENTY_RUN_MODE === 'serve',
  });
}

export const config = {
  dir: { input: 'content', includes: '../templates', output: '_site' },
};
