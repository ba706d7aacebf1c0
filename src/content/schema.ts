/**
 * What editors may write, as zod schemas: the single source of truth for frontmatter.
 * The README's "Writing articles" reference follows these schemas field by field.
 */
import { z } from 'zod';
import { isTimeZone, parseNewsDate } from './dates.ts';

/** A site-relative path with safe characters only; `..` segments are refused separately. */
export const OLD_PATH_PATTERN = /^\/(?:[A-Za-z0-9._~-]+\/?)*$/;

/** An image file beside the article (or in a sub-folder): no scheme, no absolute path, no `..`. */
export const IMAGE_PATTERN = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))(?:\.\/)?[\w.\/-]+\.(?:jpe?g|png|webp|gif|avif)$/i;

/** Lowercase words joined by single hyphens: the only characters a URL slug may use. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One line of text: runs of white space (line breaks, tabs, a stray `\r`) become one space. */
const text = (what: string, max: number) =>
  z
    .string({ error: `Expected ${what} as text (put it in quotes if it looks like a number, a date or yes/no)` })
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, { error: `Expected ${what}, but it is empty` })
        .max(max, { error: `Expected ${what} of at most ${max} characters` }),
    );

/** A value that may be written as one item or as a YAML list; always a list afterwards. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item, {
    error: 'Expected one text value or a list of them',
  }));

const newsDate = (timeZone: string) =>
  z
    .string({ error: 'Expected a date as `YYYY-MM-DD` or an ISO date-time such as `2025-08-22T09:30:00-04:00`' })
    .transform((value, ctx) => {
      const parsed = parseNewsDate(value, timeZone);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    });

/** Options that frontmatter parsing depends on. */
export interface SchemaContext {
  /** IANA zone in which date-only values are read. */
  timezone: string;
}

/**
 * The frontmatter of one article under `content/articles/`.
 *
 * @param context The newsroom time zone, to read date-only values in.
 * @returns A strict schema: unknown keys are errors.
 */
export function createArticleSchema(context: SchemaContext) {
  return z.strictObject({
    title: text('a headline', 300),
    date: newsDate(context.timezone),
    updated: newsDate(context.timezone).optional(),
    author: oneOrMany(text('an author name', 120)).pipe(z.array(z.string()).min(1, { error: 'Expected at least one author' })),
    tags: oneOrMany(text('a tag', 80)).default([]),
    description: text('a one-sentence description', 600).optional(),
    slug: z
      .string({ error: 'Expected a slug as text' })
      .regex(SLUG_PATTERN, { error: 'Expected a slug of lowercase letters a-z, digits and single hyphens, such as `budget-vote`' })
      .max(120)
      .optional(),
    id: z
      .union([z.string(), z.number().int()], { error: 'Expected an identifier as text' })
      .transform(String)
      .pipe(z.string().trim().min(1).max(200))
      .optional(),
    draft: z.boolean({ error: 'Expected `true` or `false`' }).default(false),
    aliases: z
      .array(
        z
          .string({ error: 'Expected an old address as text' })
          .regex(OLD_PATH_PATTERN, { error: 'Expected an old address on this site, such as `/2019/05/old-story.html` or `/news/old-story/`' })
          .refine((value) => !value.split('/').some((segment) => segment === '..' || segment === '.'), { error: 'An old address may not contain `.` or `..` segments' }),
        { error: 'Expected a list of old addresses' },
      )
      .default([]),
    image: z
      .string({ error: 'Expected the lead image as a file name next to the article, such as `harbour.jpg`' })
      .regex(IMAGE_PATTERN, { error: 'Expected the lead image as a .jpg, .jpeg, .png, .webp, .gif or .avif file next to the article, such as `harbour.jpg`' })
      .optional(),
    image_alt: text('a description of the image for readers who cannot see it', 500).optional(),
    image_caption: text('a caption', 500).optional(),
    image_credit: text('a credit', 200).optional(),
    corrections: z
      .array(
        z.strictObject({
          date: newsDate(context.timezone),
          text: text('the text of the correction', 2000),
        }),
        { error: 'Expected a list of corrections, each with `date` and `text`' },
      )
      .default([]),
  });
}

/** An article's validated frontmatter. */
export type ArticleFrontmatter = z.output<ReturnType<typeof createArticleSchema>>;

/** The frontmatter of an author record, `content/authors/<slug>.md` (the body is the bio). */
export const authorSchema = z.strictObject({
  name: text('the author’s name', 120),
  role: text('a role', 200).optional(),
  links: z
    .array(
      z.strictObject({
        label: text('a link label', 80),
        url: z.url({ protocol: /^(https?|mailto)$/, error: 'Expected an absolute `https://` or `mailto:` URL' }),
      }),
    )
    .default([]),
});

/** An author record's validated frontmatter. */
export type AuthorFrontmatter = z.output<typeof authorSchema>;

/** The frontmatter of a plain page such as About, `content/pages/<slug>.md`. */
export const pageSchema = z.strictObject({
  title: text('a title', 200),
  description: text('a description', 600).optional(),
});

/** A page's validated frontmatter. */
export type PageFrontmatter = z.output<typeof pageSchema>;

/** The site settings in `content/site.yaml` (or `site.json`). */
export const siteSchema = z.strictObject({
  name: text('the site name', 200),
  url: z
    .url({ protocol: /^https?$/, error: 'Expected the absolute base URL of the site, such as `https://news.example.org`' })
    .transform((url) => url.replace(/\/+$/, '')),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'Expected a language tag such as `en` or `en-GB`' }).default('en'),
  description: text('a site description', 600).optional(),
  copyright: text('a copyright line', 300),
  timezone: z.string().refine(isTimeZone, { error: 'Expected an IANA time zone such as `America/New_York`' }),
  perPage: z.number().int().min(1).max(200).default(10),
  feedSize: z.number().int().min(1).max(1000).default(50),
});

/** Validated site settings. */
export type SiteConfig = z.output<typeof siteSchema>;
