/**
 * Fingerprints of code: a hash of source files and of installed package versions. Each cache
 * keys its entries by one, so an entry made by other code is never used.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));

/** What a fingerprint covers, relative to the project root. */
export interface Sources {
  /** Files and folders (folders with every file below them, in sorted order). */
  paths: readonly string[];
  /** Packages whose installed version counts (their own dependencies move with their versions). */
  packages?: readonly string[];
}

/**
 * Hash the sources.
 *
 * @param sources The files, folders and packages.
 * @returns A hex digest.
 */
export async function fingerprint(sources: Sources): Promise<string> {
  const hash = createHash('sha256');
  for (const input of sources.paths) {
    const absolute = path.join(projectRoot, input);
    const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => null);
    const files = entries ? entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort() : [absolute];
    for (const file of files) {
      const bytes = await readFile(file).catch(() => Buffer.from('missing'));
      hash.update(path.relative(projectRoot, file)).update('\0').update(bytes).update('\0');
    }
  }
  for (const name of sources.packages ?? []) hash.update(`${name}@${await packageVersion(name)}\0`);
  return hash.digest('hex');
}

async function packageVersion(name: string): Promise<string> {
  try {
    const manifest = await readFile(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return 'missing';
  }
}
