/**
 * The records Broadsheet builds from content files, after validation and rendering.
 * Frontmatter types come from the schemas; these are the shapes we derive from them.
 */
import type { RenderedMarkdown } from '../pipeline/render.ts';
import type { NewsDate } from './dates.ts';
import type { SiteConfig } from './schema.ts';

/** A tag as shown to readers, grouped by its slug. */
export interface Tag {
  /** The spelling shown (the most common one editors used). */
  name: string;
  slug: string;
  /** Site-relative URL of the tag page, `/tags/<slug>/`. */
  url: string;
}

/** A person in a byline, with or without a record in `content/authors/`. */
export interface Author {
  name: string;
  slug: string;
  /** `/authors/<slug>/`. */
  url: string;
  role?: string;
  /** Rendered bio, when the author has a record. */
  bioHtml?: string;
  links: Array<{ label: string; url: string }>;
}

/** A link to a neighbouring article. */
export interface ArticleLink {
  title: string;
  url: string;
}

/** One published article. */
export interface Article {
  /** Stable identity for feeds: `urn:uuid:` derived from the `id` field, else from the file path. */
  guid: string;
  title: string;
  /** The editor's dek, if any. */
  description?: string;
  /** What listings and feeds show: the dek, else the first paragraph. */
  summary: string;
  date: NewsDate;
  updated?: NewsDate;
  /** The latest of `date`, `updated` and the corrections' dates: what feeds and metadata call modified. */
  modified: NewsDate;
  authors: Author[];
  tags: Tag[];
  slug: string;
  /** Site-relative URL, `/YYYY/MM/DD/slug/` in the newsroom zone. */
  url: string;
  body: RenderedMarkdown;
  /** `draft` and `scheduled` (dated in the future) articles appear only in the dev server. */
  status: 'published' | 'draft' | 'scheduled';
  draft: boolean;
  /** Old site-relative URLs that redirect here. */
  aliases: string[];
  /** The lead image, a file beside the article. `html` is filled in when the build makes its sizes. */
  leadImage?: { file: string; alt: string; caption?: string; credit?: string; html?: string; url?: string };
  /** Local images in the body: the source as written and the file it names. */
  images: Array<{ src: string; file: string }>;
  /** Dated corrections, oldest first. */
  corrections: Array<{ date: NewsDate; text: string }>;
  /** Path of the source file relative to the working directory. */
  sourcePath: string;
  /** Older and newer neighbours, filled in by the collections. */
  previous?: ArticleLink;
  next?: ArticleLink;
  /** Stories sharing the rarest tags, best first (`relatedArticles`), filled in by the collections. */
  related?: ArticleLink[];
  /** The first author's newest other stories (`moreFromAuthor`), filled in by the collections. */
  moreFromAuthor?: ArticleLink[];
}

/**
 * A published article once every file is valid, before its body is rendered: what a build needs
 * to start its search index while the bodies are being rendered (`loadContent`'s `onValidated`).
 */
export interface ValidatedArticle extends Pick<Article, 'url' | 'title' | 'description' | 'date' | 'authors' | 'tags' | 'status'> {
  /** The body's render key, which stands for its text until it is rendered. */
  bodyKey: string;
  /** The rendered body, once it is; rejects if rendering fails. */
  body: Promise<RenderedMarkdown>;
}

/** A plain page such as About or Privacy Policy. */
export interface Page {
  title: string;
  description?: string;
  slug: string;
  /** `/<slug>/`. */
  url: string;
  html: string;
  sourcePath: string;
}

/** Everything loaded from `content/`, validated and rendered. */
export interface Content {
  site: SiteConfig;
  /** Published articles, newest first. */
  articles: Article[];
  /** Every author with at least one published article, by name. */
  authors: Author[];
  pages: Page[];
  /** Drafts and scheduled articles left out of this build. */
  heldBack: { drafts: number; scheduled: number };
}
