/**
 * Checks that hold for every site Broadsheet builds, whatever editors wrote: used by the bad-input
 * corpus and the property test. Editors' text may only ever reach a page as text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { expect } from 'vitest';
import type { VFile } from 'vfile';
import type { Article } from '../../src/content/model.ts';
import { catalogue } from '../../src/errors/catalogue.ts';
import { listFiles } from '../helpers/build.ts';
import { parseXml } from '../helpers/xml.ts';

/** Attributes whose value a browser follows or loads as a URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'srcset', 'xlink:href', 'background', 'cite', 'data', 'ping', 'manifest', 'lowsrc', 'dynsrc'];
/** Schemes that run code or carry a whole document. */
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data|livescript):/i;
/** Elements no article body (page or feed) may contain; GFM task lists make disabled checkboxes. */
const FORBIDDEN_IN_BODY = 'script, iframe, frame, frameset, object, embed, applet, form, button, textarea, select, style, link, meta, base, svg, math, input:not([type="checkbox"][disabled])';
/** The one inline script a page may hold: the JSON-LD data block, with no `<` inside. */
const JSON_LD_BLOCK = /<script type="application\/ld\+json">([^<]*)<\/script>/g;

/** Text files of a built site, and the HTML that feeds carry inside their XML. */
export interface SiteTexts {
  /** Site path (`/index.html`) → raw text. */
  files: Map<string, string>;
  /** HTML found in feeds (`<content:encoded>`, `<description>`), once XML-decoded, by where it is. */
  feedHtml: Array<[where: string, html: string]>;
}

/**
 * Read every text file of a built site, check that each XML file is well-formed and each JSON file
 * parses, and collect the HTML that feeds carry.
 *
 * @param outputDir The built site.
 * @returns Its texts.
 */
export async function readSite(outputDir: string): Promise<SiteTexts> {
  const files = new Map<string, string>();
  for (const file of await listFiles(outputDir)) {
    if (/\.(?:svg|png|jpe?g|gif|webp|ico|woff2?)$/i.test(file)) continue;
    // Pagefind's bundle: its own scripts and a compressed, binary index. That results show editors'
    // text as text is checked in Chromium by tests/browser/search.test.ts.
    if (file.startsWith('pagefind/')) continue;
    files.set(`/${file}`, await readFile(path.join(outputDir, file), 'utf8'));
  }
  const feedHtml: Array<[string, string]> = [];
  for (const [file, text] of files) {
    if (!file.endsWith('.xml')) continue;
    // parseXml throws on anything a strict XML parser would reject (control characters, bad references).
    const $ = parseXml(text);
    // The elements whose text feed readers render as HTML (RSS `description`, `content:encoded`;
    // Atom `content`/`summary`). Titles are plain text and are checked by `assertTitleRoundTrips`.
    $('description, content\\:encoded, content, summary').each((index, element) => {
      if (element.type !== 'tag') return;
      // Atom's `content` and `summary` are plain text unless `type="html"`.
      if ((element.name === 'content' || element.name === 'summary') && element.attribs.type !== 'html') return;
      feedHtml.push([`${file} <${element.name}> #${index}`, $(element).text()]);
    });
  }
  for (const [file, text] of files) {
    if (!file.endsWith('.json')) continue;
    const json = JSON.parse(text) as { items?: Array<{ content_html?: unknown }> };
    // JSON Feed: `content_html` is HTML; `content_text` and `summary` are plain text.
    json.items?.forEach((item, index) => {
      if (typeof item.content_html === 'string') feedHtml.push([`${file} content_html #${index}`, item.content_html]);
    });
  }
  return { files, feedHtml };
}

/**
 * Assert that nothing in a built site can run: no script but the JSON-LD block (and the site's own
 * same-origin script files), no event-handler attribute, no `javascript:`/`data:` URL, no frames or forms
 * inside an article body or feed item, no control character in any file; every page parses.
 *
 * @param site What `readSite` returned.
 */
export function assertNothingRuns(site: SiteTexts): void {
  const problems: string[] = [];
  for (const [file, text] of site.files) {
    if (!file.endsWith('.html')) continue;
    const $ = load(text);
    $('script').each((_, element) => {
      const $script = $(element);
      const src = $script.attr('src');
      // The site's own scripts (same-origin files, no inline code) come from templates, not editors.
      const ownFile = src !== undefined && /^\/(?!\/)/.test(src) && ($script.html() ?? '').trim() === '';
      if ($script.attr('type') === 'application/ld+json' || ownFile) return;
      problems.push(`${file}: <script ${src ?? ''}>${($script.html() ?? '').slice(0, 60)}`);
    });
    // Each JSON-LD block must be closed by its own `</script>` (no `<` inside) and parse as JSON.
    const blocks = [...text.matchAll(JSON_LD_BLOCK)];
    if (blocks.length !== $('script[type="application/ld+json"]').length) problems.push(`${file}: a JSON-LD block holds a \`<\``);
    for (const [, json] of blocks) {
      try {
        JSON.parse(json!);
      } catch (error) {
        problems.push(`${file}: JSON-LD does not parse: ${String(error)}`);
      }
    }
    problems.push(...unsafeAttributes($, file));
    problems.push(...forbiddenElements($, '.story-body, .bio', file));
  }
  for (const [where, html] of site.feedHtml) problems.push(...fragmentProblems(html, where));
  // Characters XML forbids and HTML reports as parse errors: the content layer removes them all.
  for (const [file, text] of site.files) {
    const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/.exec(text);
    if (bad) problems.push(`${file}: U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${bad.index}`);
  }
  expect(problems).toEqual([]);
}

/**
 * What in a fragment of editor-derived HTML (a rendered body, a feed item) could run or load code.
 *
 * @param html The fragment.
 * @param where Named in each problem.
 * @returns One line per problem (empty when it is safe).
 */
export function fragmentProblems(html: string, where: string): string[] {
  const $ = load(html);
  return [...unsafeAttributes($, where), ...forbiddenElements($, 'body', where)];
}

function unsafeAttributes($: CheerioAPI, where: string): string[] {
  const problems: string[] = [];
  $('*').each((_, element) => {
    if (element.type !== 'tag') return;
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) problems.push(`${where}: <${element.name} ${name}="${value}">`);
      if (!URL_ATTRIBUTES.includes(name.toLowerCase())) continue;
      // Browsers ignore ASCII whitespace and controls inside a scheme (`jav\tascript:`).
      const candidates = name === 'srcset' ? value.split(',') : [value];
      for (const candidate of candidates) {
        if (DANGEROUS_SCHEME.test(candidate.replace(/[\u0000-\u0020]/g, ''))) problems.push(`${where}: <${element.name} ${name}="${value}">`);
      }
    }
    if (element.name === 'meta' && /refresh/i.test(element.attribs['http-equiv'] ?? '')) {
      const target = /url\s*=\s*(.*)$/i.exec(element.attribs.content ?? '')?.[1] ?? '';
      if (DANGEROUS_SCHEME.test(target.replace(/[\u0000-\u0020'"]/g, ''))) problems.push(`${where}: meta refresh to ${target}`);
    }
  });
  return problems;
}

function forbiddenElements($: CheerioAPI, scope: string, where: string): string[] {
  return $(scope)
    .find(FORBIDDEN_IN_BODY)
    .toArray()
    .map((element) => `${where}: <${element.type === 'tag' ? element.name : '?'}> in an article body`)
    .concat($(scope).find('[style]').toArray().map(() => `${where}: a style attribute in an article body`));
}

/**
 * The strings of `forbidden` found anywhere in the site (case-insensitive), as `file: string`.
 *
 * @param site What `readSite` returned.
 * @param forbidden Strings that must appear nowhere.
 * @returns Where each was found.
 */
export function findStrings(site: SiteTexts, forbidden: readonly string[]): string[] {
  const found: string[] = [];
  // JSON files are data, never served as HTML: a title in them is a JSON string, rightly unescaped.
  // The HTML they carry (`content_html`) is in `feedHtml` and is searched.
  const haystacks: Array<[string, string]> = [...[...site.files].filter(([file]) => !file.endsWith('.json')), ...site.feedHtml];
  for (const [where, text] of haystacks) {
    const lower = text.toLowerCase();
    for (const needle of forbidden) if (lower.includes(needle.toLowerCase())) found.push(`${where}: ${needle}`);
  }
  return found;
}

/**
 * Assert that an article's title reaches every place it is shown exactly as written: escaped once
 * in `<title>`, the h1, the sharing meta tags, the JSON-LD block and every feed (RSS, Atom, JSON).
 *
 * @param site What `readSite` returned.
 * @param article The published article.
 * @param siteUrl The site's base URL, for the feed link.
 */
export function assertTitleRoundTrips(site: SiteTexts, article: Pick<Article, 'title' | 'url'>, siteUrl: string): void {
  const { url } = article;
  // HTML and XML parsers read a carriage return as a line feed, so that is what a reader gets.
  const title = article.title.replace(/\r\n?/g, '\n');
  const html = site.files.get(`${url}index.html`);
  expect(html, `no page at ${url}`).toBeDefined();
  const $ = load(html!);
  expect($('h1').first().text()).toBe(title);
  expect($('title').text().startsWith(title), `<title>${$('title').text()}</title>`).toBe(true);
  expect($('meta[property="og:title"]').attr('content')).toBe(title);
  expect($('meta[name="twitter:title"]').attr('content')).toBe(title);
  const blocks = [...html!.matchAll(JSON_LD_BLOCK)].map(([, json]) => JSON.parse(json!) as { headline?: string });
  expect(blocks.map((block) => block.headline)).toContain(title);
  const link = siteUrl + url;
  for (const [file, text] of site.files) {
    if (file.endsWith('.xml')) {
      const xml = parseXml(text);
      // RSS items by <link>, Atom entries by <link rel="alternate" href>: titles are plain text.
      xml('channel > item')
        .filter((_, element) => xml(element).children('link').text() === link)
        .each((_, element) => void expect(xml(element).children('title').text(), file).toBe(title));
      xml('entry')
        .filter((_, element) => xml(element).children('link[rel="alternate"]').attr('href') === link)
        .each((_, element) => void expect(xml(element).children('title').text(), file).toBe(title));
    } else if (file.endsWith('.json')) {
      const json = JSON.parse(text) as { items?: Array<{ url?: string; title?: string }> };
      for (const item of json.items ?? []) if (item.url === link) expect(item.title, file).toBe(title);
    }
  }
}

/** Rule ids an editor can meet: the catalogue, plus the pipeline's own `render-failed` (a bug if seen). */
export const RULE_IDS = new Set(Object.keys(catalogue));

/**
 * Every message on every file, with what is wrong with it: each must have a rule id from the
 * catalogue, a line and a column, and come from Broadsheet.
 *
 * @param files Files from `loadContent` or a `ContentError`.
 * @returns One line per message that breaks the rule (empty when all are fine).
 */
export function messagesWithoutPlace(files: readonly VFile[]): string[] {
  return files.flatMap((file) =>
    file.messages
      .filter((message) => typeof message.ruleId !== 'string' || !RULE_IDS.has(message.ruleId) || typeof message.line !== 'number' || message.line < 1 || typeof message.column !== 'number' || message.source !== 'broadsheet')
      .map((message) => `${file.path}: ${message.ruleId}@${message.line}:${message.column} ${message.reason.slice(0, 120)}`),
  );
}

/**
 * Collapse runs of whitespace, for comparing page text.
 *
 * @param text Any text.
 * @returns It with single spaces, trimmed.
 */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Reject when a promise takes longer than `ms`, so a hang fails the test with a reason.
 *
 * @param promise The work.
 * @param ms Time limit in milliseconds.
 * @param what What is being waited for, for the message.
 * @returns What the promise resolves to.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
