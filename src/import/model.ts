/**
 * The shapes `npm run import` passes between its steps: a source post as read, what the report
 * says about it, and the Broadsheet frontmatter it becomes.
 */

/** The archive formats the importer reads. */
export const FORMATS = ['jekyll', 'hugo', 'generic'] as const;

/** One archive format. */
export type Format = (typeof FORMATS)[number];

/** Something the report tells the editor about one source file. */
export interface Finding {
  /** `error`: the post was not written; `warning`: check or finish it by hand; `note`: dropped on purpose. */
  severity: 'error' | 'warning' | 'note';
  /** Catalogue entry in `messages.ts`; never renamed, so people can search for it. */
  ruleId: string;
  /** A full sentence: what happened and what to do. */
  message: string;
  /** Line in the source file (1-based), when known. */
  line?: number;
}

/** A source post, read and split, not yet mapped. */
export interface SourcePost {
  /** Absolute path of the file. */
  absolute: string;
  /** Path below the archive folder, with `/` separators: what the report shows. */
  relative: string;
  /** The front matter, parsed (empty when the file has none). */
  data: Record<string, unknown>;
  /** Line in the file of each top-level front-matter key. */
  lines: Map<string, number>;
  /** Everything after the front matter, as written (`\n` line endings). */
  body: string;
  /** Line in the file of the body's first line. */
  bodyLine: number;
}

/** The Broadsheet frontmatter of an imported post, in the order it is written. */
export interface ArticleFields {
  title: string;
  date: string;
  updated?: string;
  /** One name, or a list for a shared byline. */
  author: string | string[];
  tags?: string[];
  description?: string;
  /** Only when it differs from the file name, to keep the URL when the file had to be renamed. */
  slug?: string;
  id?: string;
  draft?: true;
  /** Site-relative old URLs of the post (`/2024/03/05/budget.html`), for redirects. */
  aliases?: string[];
}

/** What a post's place in the archive says about it. */
export interface PathFacts {
  /** The date in a Jekyll-style file name (`2024-03-05-budget.md`), as `YYYY-MM-DD`. */
  date?: string;
  /** The file name without date prefix and extension (the folder name for `index.md`), as written. */
  name: string;
  /** Categories given by folders (Jekyll's `news/_posts/…`). */
  categories: string[];
  /** Whether the folder makes it a draft (Jekyll's `_drafts/`). */
  draft: boolean;
}

/** Settings of the old site that change how its posts map (from `_config.yml` or `hugo.toml`). */
export interface SiteSettings {
  /** The byline of posts without one. */
  author?: string[];
  /** Path the old site lived under (`/blog`), without trailing slash; '' at the root. */
  basePath: string;
  /** Site-wide URL pattern: Jekyll's `permalink`, or Hugo's `permalinks` by section. */
  permalinks: Record<string, string>;
  /** Hugo's `uglyURLs`: pages end in `.html` rather than `/`. */
  uglyUrls: boolean;
  /** Problems reading the settings, for the report. */
  findings: Finding[];
  /** The file the settings came from, relative to the archive. */
  file?: string;
}
