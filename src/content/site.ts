/**
 * Reads the site settings from `content/site.yaml` or `content/site.json`.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { ContentError, report } from '../errors/report.ts';
import { siteSchema, type SiteConfig } from './schema.ts';

const CANDIDATES = ['site.yaml', 'site.yml', 'site.json'];

/**
 * Load and validate the site settings.
 *
 * @param contentDir Absolute path of the content folder.
 * @param cwd Folder that messages name paths relative to.
 * @returns The settings.
 * @throws {ContentError} When the file is missing or invalid.
 */
export async function loadSiteConfig(contentDir: string, cwd: string): Promise<SiteConfig> {
  for (const name of CANDIDATES) {
    const absolute = path.join(contentDir, name);
    try {
      await access(absolute);
    } catch {
      continue;
    }
    const file = new VFile({ path: path.relative(cwd, absolute), cwd });
    let data: unknown;
    try {
      const text = await readFile(absolute, 'utf8');
      // JSON is YAML, so one parser reads both; aliases are refused as in frontmatter.
      data = parseYaml(text, { merge: false, maxAliasCount: 0 });
    } catch (error) {
      report(file, 'site-config', { line: 1, column: 1 }, (error as Error).message.split('\n')[0]!);
      throw new ContentError([file]);
    }
    const result = siteSchema.safeParse(data ?? {});
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const where = issue.path.length ? `\`${issue.path.join('.')}\`: ` : '';
      report(file, 'site-config', { line: 1, column: 1 }, where + issue.message.replace(/\.$/, ''));
    }
    throw new ContentError([file]);
  }
  const file = new VFile({ path: path.relative(cwd, path.join(contentDir, 'site.yaml')), cwd });
  report(file, 'site-config', undefined, `no ${CANDIDATES.join(' or ')} was found in the content folder`);
  throw new ContentError([file]);
}
