/**
 * A fingerprint of the code that turns data into pages: Broadsheet's source, its templates and
 * the exact installed packages. A page from an earlier build is re-used only under the same one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
// The lockfile stands for the packages (Eleventy, Nunjucks, …) and their versions.
const INPUTS = ['src', 'templates', 'package-lock.json'];

let memo: Promise<string> | undefined;

/**
 * The fingerprint, computed once per process (about 10 ms).
 *
 * @returns A hex digest.
 */
export function codeVersion(): Promise<string> {
  memo ??= compute();
  return memo;
}

async function compute(): Promise<string> {
  const hash = createHash('sha256').update(process.version);
  for (const input of INPUTS) {
    const absolute = path.join(projectRoot, input);
    const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => null);
    const files = entries
      ? entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort()
      : [absolute];
    for (const file of files) {
      const bytes = await readFile(file).catch(() => Buffer.from('missing'));
      hash.update(path.relative(projectRoot, file)).update('\0').update(bytes).update('\0');
    }
  }
  return hash.digest('hex');
}
