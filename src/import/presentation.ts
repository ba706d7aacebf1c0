/**
 * Front-matter fields that only said how the old site looked (layout, menus, styling, comments):
 * Broadsheet decides those itself, so they are dropped with a note rather than a warning.
 */

/** Lowercase names, shared by every format. */
export const PRESENTATION: ReadonlySet<string> = new Set([
  'layout', 'template', 'type', 'css', 'style', 'styles', 'stylesheet', 'scripts', 'js', 'class', 'classes',
  'body_class', 'image_class', 'hero_class', 'theme', 'weight', 'menu', 'menus', 'nav_order', 'toc', 'showtoc',
  'tocopen', 'comments', 'disqus', 'share', 'sharing', 'sidebar', 'header', 'sitemap', 'linktitle', 'outputs',
  'markup', 'cascade', 'build', '_build', 'headless', 'hidesummary', 'hidemeta', 'math', 'katex', 'mermaid',
  'render_with_liquid', 'excerpt_separator', 'lang',
]);
