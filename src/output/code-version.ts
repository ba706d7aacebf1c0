/**
 * A fingerprint of the code that turns data into pages: Broadsheet's source, its templates and
 * the exact installed packages. A page from an earlier build is re-used only under the same one.
 */
import { fingerprint } from '../fingerprint.ts';

let memo: Promise<string> | undefined;

/**
 * The fingerprint, computed once per process (about 10 ms).
 *
 * @returns A hex digest.
 */
export function codeVersion(): Promise<string> {
  // The lockfile stands for the packages (Eleventy, Nunjucks, …) and their versions.
  memo ??= fingerprint({ paths: ['src', 'templates', 'package-lock.json'] }).then((digest) => `${process.version} ${digest}`);
  return memo;
}
