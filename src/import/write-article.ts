/**
 * Writes an imported article: YAML frontmatter from the `yaml` package (quoted wherever YAML 1.1,
 * which Broadsheet reads, would otherwise see a boolean or number), then the body. Never overwrites.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ArticleFields } from './model.ts';

/**
 * The text of an article file.
 *
 * @param fields The frontmatter, in the order written.
 * @param body The converted body.
 * @returns `---`, the YAML, `---`, the body.
 */
export function serializeArticle(fields: ArticleFields, body: string): string {
  // Always the same order, whatever order the fields were set in.
  const { title, date, updated, author, tags, description, slug, id, draft, aliases } = fields;
  const ordered = Object.fromEntries(
    Object.entries({ title, date, updated, author, tags, description, slug, id, draft, aliases }).filter(([, value]) => value !== undefined),
  );
  const yaml = stringify(ordered, {
    // Broadsheet reads YAML 1.1 (`yes` is true), so values like `yes` or `1:20` must be quoted;
    // dates stay plain text, as Broadsheet reads them, rather than quoted timestamps.
    schema: 'yaml-1.1',
    customTags: (tags) => tags.filter((tag) => tag !== 'timestamp' && !(typeof tag === 'object' && tag.tag.endsWith(':timestamp'))),
    lineWidth: 0,
  });
  return `---\n${yaml}---\n${body}`;
}

/**
 * Write a new file, never replacing one.
 *
 * @param absolute Where.
 * @param text What.
 * @returns `'written'`, or `'exists'` when a file was already there (it is left as it was).
 */
export async function writeNewFile(absolute: string, text: string): Promise<'written' | 'exists'> {
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(absolute, text, { flag: 'wx' }); // `wx`: fail rather than replace
      return 'written';
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      if (code === 'EEXIST') return 'exists';
      // Make the folder only when it is missing: most posts go into a folder made already.
      if (code !== 'ENOENT' || attempt > 0) throw error;
      await mkdir(path.dirname(absolute), { recursive: true });
    }
  }
}
