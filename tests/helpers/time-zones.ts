/**
 * Runs code in a child Node.js process with another `TZ`, to prove results don't depend on the
 * build machine's time zone.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** What a child process reports. */
export interface ChildResult {
  /** The zone the child's `Date` used. */
  timeZone: string;
  /** `getTimezoneOffset()` of 2025-08-22T00:00Z in the child, in minutes (UTC − local). */
  offset: number;
  /** What the exported function returned, serialized as JSON. */
  output: string;
}

/**
 * Call an exported function of a TypeScript module in a new Node.js process (through tsx).
 *
 * @param tz The `TZ` of the child process.
 * @param module URL of the module.
 * @param name Name of an export: a function without arguments returning something JSON can hold.
 * @returns What the child saw and what the function returned.
 */
export async function callUnderTz(tz: string, module: URL, name: string): Promise<ChildResult> {
  const script = `
    const module = await import(${JSON.stringify(module.href)});
    const output = JSON.stringify(await module[${JSON.stringify(name)}]());
    process.stdout.write(JSON.stringify({
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      offset: new Date('2025-08-22T00:00:00Z').getTimezoneOffset(),
      output,
    }));
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, TZ: tz },
  });
  return JSON.parse(stdout) as ChildResult;
}
