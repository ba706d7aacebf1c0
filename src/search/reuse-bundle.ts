/**
 * Re-using a year bundle from the published site: every file is hard-linked into the staging
 * folder (no bytes copied; the swap then removes the old site's names, not the files), or copied
 * where the file system cannot link. A bundle whose files no longer match what its manifest
 * recorded is not re-used, so a damaged folder is rebuilt rather than published.
 */
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { CANNOT_LINK } from '../output/reuse.ts';

/** How many files a bundle folder holds, and their total size. */
export interface BundleSize {
  files: number;
  bytes: number;
}


// Enough parallel calls to keep libuv's thread pool busy without opening thousands at once.
const BATCH = 64;

/**
 * Count the files and bytes under a folder.
 *
 * @param dir A bundle folder.
 * @returns Its size; a missing folder or a link or device inside it throws.
 */
export async function measureBundle(dir: string): Promise<BundleSize> {
  const files = await listFiles(dir);
  if (!files) throw new Error(`\`${dir}\` is missing or holds something other than files and folders.`);
  return { files: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0) };
}

/**
 * Link (or copy) a previous bundle into place, if it is complete.
 *
 * @param from The bundle folder in the published site.
 * @param to Where it goes in the staging folder; must not exist yet.
 * @param expected Files and bytes the previous manifest recorded for it.
 * @returns `true` when the bundle is in place; `false` when it must be rebuilt (nothing is left at `to`).
 */
export async function reuseBundle(from: string, to: string, expected: BundleSize): Promise<boolean> {
  const files = await listFiles(from).catch(() => undefined);
  if (!files || files.length !== expected.files || files.reduce((sum, file) => sum + file.size, 0) !== expected.bytes) return false;
  try {
    const folders = new Set(files.map((file) => path.dirname(path.join(to, file.relative))));
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    let copying = false;
    for (let start = 0; start < files.length; start += BATCH) {
      await Promise.all(
        files.slice(start, start + BATCH).map(async ({ relative }) => {
          const source = path.join(from, relative);
          const target = path.join(to, relative);
          if (!copying) {
            try {
              return await link(source, target);
            } catch (error) {
              if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
              // Another device, or a file system without hard links: copy this file and the rest.
              copying = true;
            }
          }
          // A copy-on-write clone where the file system offers one, else a plain copy.
          await copyFile(source, target, constants.COPYFILE_FICLONE);
        }),
      );
    }
    return true;
  } catch {
    // The previous site changed under us (or the disk is full): build this year afresh instead.
    await rm(to, { recursive: true, force: true });
    return false;
  }
}

/** Every regular file under `dir`, with its size; `undefined` if a link or device is found. */
async function listFiles(dir: string): Promise<Array<{ relative: string; size: number }> | undefined> {
  const relatives: string[] = [];
  const walk = async (prefix: string): Promise<boolean> => {
    for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
      const relative = path.join(prefix, entry.name);
      if (entry.isDirectory()) {
        if (!(await walk(relative))) return false;
      } else if (entry.isFile()) {
        relatives.push(relative);
      } else {
        return false;
      }
    }
    return true;
  };
  if (!(await walk(''))) return undefined;
  const files: Array<{ relative: string; size: number }> = [];
  for (let start = 0; start < relatives.length; start += BATCH) {
    const batch = relatives.slice(start, start + BATCH);
    files.push(...(await Promise.all(batch.map(async (relative) => ({ relative, size: (await lstat(path.join(dir, relative))).size })))));
  }
  return files;
}
