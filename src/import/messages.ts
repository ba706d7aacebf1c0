/**
 * Every message the import report can show, by rule id. Rule ids are public (people search the
 * report for them), so never rename one. Messages say what happened and what to do.
 */
import type { Finding } from './model.ts';

/** One entry of the catalogue. */
interface Rule {
  /** `error`: the post is not written; `warning`: finish by hand; `note`: dropped on purpose. */
  severity: Finding['severity'];
  message: (...details: string[]) => string;
}

/** The catalogue: rule id → severity and message. */
export const importMessages = {
  'settings-unreadable': { severity: 'warning', message: (file = '', reason = '') => `The site settings in \`${file}\` cannot be read (${reason}), so the defaults were used: no site-wide byline, and the default URL pattern for old URLs.` },
  'symlink': { severity: 'error', message: () => 'The file is a symbolic link, which the importer does not follow. Copy the real file into the archive.' },
  'encoding': { severity: 'error', message: () => 'The file is not UTF-8 text. Convert it to UTF-8 and import again.' },
  'too-large': { severity: 'error', message: (limit = '') => `The post is larger than the ${limit} an article may be. Split it by hand.` },
  'not-markdown': { severity: 'error', message: (ext = '') => `The post is a \`${ext}\` file, not Markdown, so it was not converted. Rewrite it in Markdown by hand.` },
  'frontmatter-unclosed': { severity: 'error', message: (fence = '') => `The front matter is never closed: no \`${fence}\` line ends it. Add one after the last field.` },
  'frontmatter-unparseable': { severity: 'error', message: (language = '', reason = '') => `The ${language} front matter cannot be read: ${reason}. Fix it in the source and import again.` },
  'frontmatter-json': { severity: 'error', message: () => 'JSON front matter is not supported. Rewrite it as YAML between `---` lines, or as TOML between `+++` lines.' },
  'no-title': { severity: 'error', message: () => 'The post has no title: no `title` field and no `# Heading` on its first line. Add a `title` and import again.' },
  'title-too-long': { severity: 'error', message: (max = '') => `The title is longer than the ${max} characters a headline may have. Shorten it and import again.` },
  'no-date': { severity: 'error', message: () => 'The post has no date: no `date` field and no `YYYY-MM-DD-` at the start of its file name. Add a `date` and import again.' },
  'bad-date': { severity: 'error', message: (field = '', reason = '') => `\`${field}\`: ${reason}. Write it as \`YYYY-MM-DD\` or \`YYYY-MM-DDTHH:MM:SS+01:00\` and import again.` },
  'no-author': { severity: 'error', message: () => 'The post has no byline (`author` or `authors`), and none was given for the whole archive. Add one, or pass `--author "Name"` to sign every post without one.' },
  'bad-updated': { severity: 'warning', message: (field = '', reason = '') => `\`${field}\` was dropped: ${reason}. Add \`updated\` by hand if it matters.` },
  'title-from-heading': { severity: 'warning', message: () => 'The title was taken from this heading, which is still in the body. Delete it if the headline shows twice.' },
  'author-from-settings': { severity: 'note', message: (name = '', from = '') => `The post names no author, so the byline is \`${name}\`, from ${from}.` },
  'byline-split': { severity: 'warning', message: (written = '', names = '') => `The byline \`${written}\` was read as ${names}. Check that these are people's names.` },
  'author-dropped': { severity: 'warning', message: (name = '', reason = '') => `The author \`${name}\` was dropped: ${reason}.` },
  'tag-dropped': { severity: 'warning', message: (tag = '', reason = '') => `The tag \`${tag}\` was dropped: ${reason}.` },
  'description-dropped': { severity: 'warning', message: (field = '', reason = '') => `\`${field}\` was dropped: ${reason}. Broadsheet uses the first paragraph instead.` },
  'value-dropped': { severity: 'warning', message: (field = '', reason = '') => `\`${field}\` was dropped: ${reason}.` },
  'field-unused': { severity: 'note', message: (field = '', used = '') => `\`${field}\` was not used, because \`${used}\` says the same thing.` },
  'field-dropped': { severity: 'warning', message: (field = '', value = '') => `\`${field}\` has no place in a Broadsheet article and was dropped (it was ${value}). Move what matters into the text.` },
  'presentation-dropped': { severity: 'note', message: (field = '') => `\`${field}\` only said how the old site looked, and was dropped.` },
  'slug-made': { severity: 'note', message: (written = '', slug = '') => `\`${written}\` cannot be a web address as it is, so the slug is \`${slug}\`.` },
  'slug-changed': { severity: 'warning', message: (slug = '', other = '', now = '') => `\`${other}\` is published at the same address, so this post's slug is \`${now}\` instead of \`${slug}\`. Its old URL is kept as an alias.` },
  'file-renamed': { severity: 'note', message: (file = '', other = '') => `\`${other}\` already took the file name, so this post is \`${file}\`; a \`slug\` field keeps its address.` },
  'alias-dropped': { severity: 'warning', message: (value = '', reason = '') => `The old URL \`${value}\` was dropped: ${reason}. Add a redirect by hand if it matters.` },
  'highlight-converted': { severity: 'note', message: (tag = '', options = '') => `\`${tag}\` became a fenced code block${options ? `; its options \`${options}\` were dropped` : ''}.` },
  'highlight-unclosed': { severity: 'warning', message: (tag = '') => `\`${tag}\` is never closed, so it was left as it is. Turn it into a fenced code block by hand.` },
  'raw-removed': { severity: 'note', message: (tag = '') => `\`${tag}\` was removed: Broadsheet shows template syntax as written anyway.` },
  'shortcode-unescaped': { severity: 'note', message: (written = '', now = '') => `The escaped shortcode \`${written}\` now reads \`${now}\`, as the old site showed it.` },
  'liquid-tag': { severity: 'warning', message: (tag = '', where = '') => `The Liquid tag \`${tag}\` was left in place${where}: Broadsheet shows it as written. Replace it with Markdown, or delete it.` },
  'template-expression': { severity: 'warning', message: (expression = '', where = '') => `The template expression \`${expression}\` was left in place${where}: Broadsheet shows it as written. Write out the value it stood for.` },
  'shortcode': { severity: 'warning', message: (shortcode = '', where = '') => `The Hugo shortcode \`${shortcode}\` was left in place${where}: Broadsheet shows it as written. Replace it with Markdown, or delete it.` },
  'mdx-component': { severity: 'warning', message: (component = '') => `The component \`<${component}>\` was left in place: Broadsheet does not run MDX, and removes it as HTML. Replace it with Markdown.` },
  'mdx-import': { severity: 'warning', message: (line = '') => `The line \`${line}\` was left in place: Broadsheet does not run MDX, so readers would see it. Delete it.` },
  'raw-html': { severity: 'warning', message: (tag = '') => `The raw HTML block \`${tag}\` was left in place: Broadsheet removes raw HTML when it builds. Rewrite it in Markdown.` },
} as const satisfies Record<string, Rule>;

/** A rule id from the catalogue. */
export type ImportRuleId = keyof typeof importMessages;

/**
 * Make a finding from the catalogue.
 *
 * @param ruleId Catalogue entry.
 * @param line Line in the source file, or `undefined` when the finding is about the whole file.
 * @param details Values for the entry's message.
 * @returns The finding.
 */
export function finding(ruleId: ImportRuleId, line: number | undefined, ...details: string[]): Finding {
  const rule: Rule = importMessages[ruleId];
  return { severity: rule.severity, ruleId, message: rule.message(...details), ...(line !== undefined ? { line } : {}) };
}

/**
 * Quote a value for a message: short, on one line.
 *
 * @param value Any front-matter value.
 * @param max Longest text kept (default: `60`).
 * @returns Its text, shortened with `…`.
 */
export function preview(value: unknown, max = 60): string {
  const text = (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
