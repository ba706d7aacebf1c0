/**
 * A fingerprint of everything that decides how Markdown becomes HTML: our pipeline's source and
 * the exact versions of the unified packages. A cached rendering is used only under the same one.
 */
import { fingerprint } from '../fingerprint.ts';

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
  memo ??= fingerprint({ paths: ['src/pipeline'], packages: PACKAGES });
  return memo;
}
