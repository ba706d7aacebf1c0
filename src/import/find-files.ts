/**
 * Lists the files of an archive, read-only, skipping what is never content: hidden folders,
 * dependencies and the old site's build output.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Extensions of Markdown files (Jekyll's `markdown_ext`, plus MDX). */
export const MARKDOWN = /\.(?:md|markdown|mdown|mkdn|mkd|mdx)$/i;

/** Folders that hold build output or dependencies, not posts. */
const SKIP = new Set(['node_modules', '_site', 'public', 'resources', 'vendor']);

/** Files found in an archive: the posts, and other Markdown files that are not posts. */
export interface Discovery {
  /** Absolute paths of the posts, sorted. */
  posts: string[];
  /** Files that look like content but are not posts, with the reason, for the report. */
  ignored: Array<{ absolute: string; reason: string }>;
}

/**
 * List every file below a folder.
 *
 * @param root The archive folder.
 * @param exclude Absolute paths to leave out, with everything below them (the output folder, the report).
 * @returns Absolute paths of files and symbolic links, sorted.
 */
export async function listFiles(root: string, exclude: readonly string[]): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const excluded = (absolute: string) => exclude.some((other) => absolute === other || absolute.startsWith(other + path.sep));
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((absolute) => {
      const folders = path.relative(root, path.dirname(absolute)).split(path.sep);
      return !folders.some((folder) => folder.startsWith('.') || SKIP.has(folder)) && !path.basename(absolute).startsWith('.') && !excluded(absolute);
    })
    .sort();
}

/**
 * The name a post is known by: its file name without extension, or its folder's name when it is a
 * bundle's `index.md` (Hugo's `posts/trip/index.md`).
 *
 * @param relative Path of the post, with `/` separators.
 * @returns The name and the folder it is in (without the bundle folder).
 */
export function postName(relative: string): { name: string; folder: string } {
  const parts = relative.split('/');
  const stem = parts.pop()!.replace(/\.[^.]+$/, '');
  if (stem === 'index' && parts.length > 0) return { name: parts.pop()!, folder: parts.join('/') };
  return { name: stem, folder: parts.join('/') };
}
