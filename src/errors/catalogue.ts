/**
 * Every message an editor can meet, by rule id. Rule ids are public: people search for them, so
 * never rename one. Messages say what happened and what to do, in full sentences.
 */

/** One entry of the catalogue. */
export interface Rule {
  /** `error` stops the build; `warning` is reported and the build goes on. */
  severity: 'error' | 'warning';
  /** The message, given the details of one occurrence. */
  message: (...details: string[]) => string;
}

export const catalogue = {
  'encoding': {
    severity: 'error',
    message: () => 'The file is not valid UTF-8 text. Save it as UTF-8 in your editor and build again.',
  },
  'control-character': {
    severity: 'warning',
    message: (name = 'a control character') =>
      `The file contains ${name}, which web pages and feeds cannot carry; it was removed. It usually comes from pasting out of a word processor.`,
  },
  'file-too-large': {
    severity: 'error',
    message: (size = '', limit = '') => `The file is ${size}, larger than the ${limit} an article may be. Split it, or move embedded data out of it.`,
  },
  'symlink': {
    severity: 'error',
    message: () => 'The file is a symbolic link. Content must be real files inside `content/`; copy the file here instead.',
  },
  'frontmatter-missing': {
    severity: 'error',
    message: () =>
      'The file has no YAML front matter. It must start, on its very first line, with `---`, then fields such as `title:`, then a closing `---` line.',
  },
  'frontmatter-language': {
    severity: 'error',
    message: (language = '') =>
      `Front matter in \`${language}\` is not allowed: only YAML is read, and code in content files is never run. Start the file with a plain \`---\` line and write the fields in YAML.`,
  },
  'frontmatter-unclosed': {
    severity: 'error',
    message: () => 'The front matter is never closed. Add a line with just `---` after the last field, before the article text.',
  },
  'frontmatter-yaml': {
    severity: 'error',
    message: (reason = '', hint = 'A value containing a colon must be put in quotes, as in `title: "Breaking: news"`.') =>
      `The front matter is not valid YAML: ${reason}. ${hint}`,
  },
  'frontmatter-alias': {
    severity: 'error',
    message: () => 'YAML anchors and aliases (`&name`, `*name`) are not allowed in front matter. Write each value out in full.',
  },
  'frontmatter-not-mapping': {
    severity: 'error',
    message: () => 'The front matter must be a list of `field: value` lines.',
  },
  'unknown-field': {
    severity: 'error',
    message: (field = '', suggestion = '', known = '') =>
      `Unknown field \`${field}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} Known fields: ${known}.`,
  },
  'invalid-field': {
    severity: 'error',
    message: (field = '', reason = '') => `\`${field}\`: ${reason}.`,
  },
  'duplicate-url': {
    severity: 'error',
    message: (url = '', files = '') => `Several files would be published at \`${url}\`: ${files}. Give each a different \`slug\`.`,
  },
  'duplicate-id': {
    severity: 'error',
    message: (id = '', files = '') => `The \`id\` \`${id}\` is used by several articles: ${files}. Each article needs its own \`id\`, since feed readers use it to tell stories apart.`,
  },
  'reserved-slug': {
    severity: 'error',
    message: (slug = '') => `\`${slug}\` is a web address the site itself uses. Rename the file.`,
  },
  'alias-reserved': {
    severity: 'error',
    message: (alias = '') =>
      `The old address \`${alias}\` is one the site itself publishes (a page, feed, archive or static file). An alias may only name an address that no longer exists.`,
  },
  'missing-image': {
    severity: 'error',
    message: (src = '') => `The image \`${src}\` was not found next to the article. Put the file in the article's folder, or fix the name (it is case-sensitive).`,
  },
  'image-alt': {
    severity: 'error',
    message: (src = '') =>
      `The image \`${src}\` has no description. Describe what it shows for readers who cannot see it: \`![Ferry at the north quay](${src})\`, or \`image_alt:\` for the lead image.`,
  },
  'tag-collision': {
    severity: 'error',
    message: (slug = '', spellings = '') =>
      `The tags ${spellings} all become the page \`/tags/${slug}/\`. Spell them the same way, or make them clearly different.`,
  },
  'tag-spelling': {
    severity: 'warning',
    message: (written = '', usual = '') =>
      `The tag \`${written}\` is spelled \`${usual}\` in most articles; both share one topic page. Use one spelling.`,
  },
  'unknown-author': {
    severity: 'warning',
    message: (name = '', slug = '') =>
      `\`${name}\` has no author file, so the article has no "About the author" box. Add \`content/authors/${slug}.md\`, or check the spelling.`,
  },
  'future-date': {
    severity: 'warning',
    message: (date = '') => `The article is dated ${date}, in the future: it will not be published until then.`,
  },
  'broken-link': {
    severity: 'warning',
    message: (url = '') => `The link \`${url}\` points to no page of this site. Check the date and slug in the address.`,
  },
  'tag-unusable': {
    severity: 'error',
    message: (tag = '') => `The tag \`${tag}\` has no letters or digits to make a web address from. Use a word.`,
  },
  'raw-html': {
    severity: 'warning',
    message: () => 'Raw HTML is not allowed in articles and was removed. Use Markdown instead.',
  },
  'render-failed': {
    severity: 'error',
    message: () =>
      'The article body could not be turned into HTML. This is a bug in Broadsheet or in a plugin, not in the article: please report it with this file.',
  },
  'site-config': {
    severity: 'error',
    message: (reason = '') => `The site settings are not usable: ${reason}.`,
  },
} as const satisfies Record<string, Rule>;

/** A rule id from the catalogue. */
export type RuleId = keyof typeof catalogue;
