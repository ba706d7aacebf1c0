import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../src/cli/node-flags.ts';

describe('node flags', () => {
  it('should be the flags `npm run build` and `npm start` run with, which the benchmark measures', async () => {
    const { scripts } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['build', 'start']) {
      expect(scripts[name]).toMatch(new RegExp(`^node ${NODE_FLAGS.join(' ')} `));
    }
  });
});
