/**
 * Reads the old site's settings that change how its posts map: the site-wide byline, the path the
 * site lived under, and its URL patterns (Jekyll's `_config.yml`, Hugo's `hugo.toml` and kin).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { readByline } from './byline.ts';
import { finding } from './messages.ts';
import type { Format, SiteSettings } from './model.ts';

/** Settings files by format, in the order the generator itself looks for them. */
export const SETTINGS_FILES: Readonly<Record<Format, readonly string[]>> = {
  jekyll: ['_config.yml', '_config.yaml', '_config.toml'],
  hugo: ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json', 'config/_default/hugo.toml', 'config/_default/config.toml', 'config/_default/hugo.yaml', 'config/_default/config.yaml'],
  generic: [],
};

/**
 * Read the settings of the old site.
 *
 * @param root The archive folder.
 * @param format Its format.
 * @returns The settings; defaults (with a finding) when the file is missing or unreadable.
 */
export async function readSiteSettings(root: string, format: Format): Promise<SiteSettings> {
  const settings: SiteSettings = { basePath: '', permalinks: {}, uglyUrls: false, findings: [] };
  for (const name of SETTINGS_FILES[format]) {
    let text: string;
    try {
      text = await readFile(path.join(root, name), 'utf8');
    } catch {
      continue;
    }
    settings.file = name;
    let data: Record<string, unknown>;
    try {
      const parsed: unknown = name.endsWith('.toml') ? parseToml(text) : name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch (cause) {
      settings.findings.push(finding('settings-unreadable', undefined, name, (cause as Error).message.split('\n')[0]!));
      return settings;
    }
    if (format === 'jekyll') readJekyll(data, settings);
    else readHugo(data, settings);
    return settings;
  }
  return settings;
}

/** Jekyll's named permalink styles: https://jekyllrb.com/docs/permalinks/#built-in-formats */
const JEKYLL_STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

function readJekyll(data: Record<string, unknown>, settings: SiteSettings): void {
  const permalink = typeof data.permalink === 'string' ? data.permalink : 'date';
  settings.permalinks['*'] = JEKYLL_STYLES[permalink] ?? permalink;
  settings.basePath = basePath(data.baseurl);
  setAuthor(settings, data.author);
}

function readHugo(data: Record<string, unknown>, settings: SiteSettings): void {
  const baseUrl = field(data, 'baseURL');
  if (typeof baseUrl === 'string') {
    try {
      settings.basePath = basePath(new URL(baseUrl).pathname);
    } catch {
      settings.basePath = basePath(baseUrl);
    }
  }
  settings.uglyUrls = field(data, 'uglyURLs') === true;
  // `[permalinks] posts = "…"`, or since Hugo 0.115 `[permalinks.page] posts = "…"`.
  const permalinks = record(field(data, 'permalinks'));
  for (const [section, pattern] of Object.entries({ ...permalinks, ...record(permalinks.page) })) {
    if (typeof pattern === 'string') settings.permalinks[section] = pattern;
  }
  const params = record(field(data, 'params'));
  setAuthor(settings, field(params, 'author') ?? field(params, 'authors') ?? field(data, 'author'));
}

function setAuthor(settings: SiteSettings, value: unknown): void {
  const { names } = readByline(value);
  if (names.length > 0) settings.author = names;
}

/** Hugo's keys are case-insensitive (`baseURL`, `baseurl`). */
function field(data: Record<string, unknown>, key: string): unknown {
  const found = Object.keys(data).find((name) => name.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : data[found];
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function basePath(value: unknown): string {
  if (typeof value !== 'string') return '';
  const trimmed = value.trim().replace(/\/+$/, '');
  return trimmed && !trimmed.startsWith('/') ? `/${trimmed}` : trimmed;
}
