/**
 * Whether a module is the script Node was asked to run, so a command file can also be imported
 * by tests. Compares real paths as URLs: a folder with a space (`%20`) or reached through a
 * symbolic link must still run the command.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * @param moduleUrl The module's `import.meta.url`.
 * @returns `true` when it was started directly (`tsx src/cli/build.ts`).
 */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === pathToFileURL(realpathSync(new URL(moduleUrl))).href;
  } catch {
    return false;
  }
}
