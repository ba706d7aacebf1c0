export { broadsheetPlugin, type Options } from './eleventy/plugin.ts';
export { createProcessor } from './pipeline/processor.ts';
export { renderMarkdown, type RenderedMarkdown } from './pipeline/render.ts';
export { loadContent } from './content/load.ts';
export { buildCollections, type Collections } from './collections/index.ts';
export type { Article, Author, Content, Page, Tag } from './content/model.ts';
