/**
 * A fingerprint of everything that decides how Markdown becomes HTML: our pipeline's source and
 * the exact versions of the unified packages. A cached rendering is used only under the same one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const pipelineDir = fileURLToPath(new URL('../pipeline/', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

// The packages whose output the pipeline depends on (their dependencies move with their versions).
const PACKAGES = [
  'unified',
  'remark-parse',
  'remark-gfm',
  'remark-rehype',
  'rehype-sanitize',
  'rehype-autolink-headings',
  'rehype-stringify',
  'github-slugger',
  'hast-util-to-string',
  'mdast-util-to-string',
];

let memo: Promise<string> | undefined;

/**
 * The pipeline fingerprint, computed once per process.
 *
 * @returns A hex digest.
 */
export function pipelineVersion(): Promise<string> {
  memo ??= compute();
  return memo;
}

async function compute(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(pipelineDir)).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(await readFile(path.join(pipelineDir, name)));
  }
  for (const name of PACKAGES) hash.update(`${name}@${await packageVersion(name)}`);
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
