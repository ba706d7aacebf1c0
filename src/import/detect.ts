/**
 * Guesses an archive's format when `--from` is not given: Jekyll's `_config.yml` or `_posts/`,
 * Hugo's settings file or TOML (`+++`) front matter, else a generic tree of Markdown files.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { listFiles, MARKDOWN } from './find-files.ts';
import type { Format } from './model.ts';
import { SETTINGS_FILES } from './site-settings.ts';

/**
 * Detect the format of an archive.
 *
 * @param root The archive folder.
 * @param exclude Absolute paths not to look at (the output folder).
 * @returns The format, and the reason as a clause for the report (`` `_config.yml` is there ``).
 */
export async function detectFormat(root: string, exclude: readonly string[] = []): Promise<{ format: Format; because: string }> {
  for (const format of ['jekyll', 'hugo'] as const) {
    for (const name of SETTINGS_FILES[format]) {
      if (await exists(path.join(root, name))) return { format, because: `\`${name}\` is there` };
    }
  }
  if (await exists(path.join(root, '_posts'))) return { format: 'jekyll', because: 'a `_posts/` folder is there' };
  const markdown = (await listFiles(root, exclude)).filter((file) => MARKDOWN.test(file));
  for (const file of markdown.slice(0, 200)) {
    if ((await firstBytes(file, 3)) === '+++') return { format: 'hugo', because: `\`${path.relative(root, file)}\` has TOML front matter` };
  }
  return { format: 'generic', because: 'no Jekyll or Hugo settings or TOML front matter were found' };
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(() => true, () => false);
}

async function firstBytes(file: string, length: number): Promise<string> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
