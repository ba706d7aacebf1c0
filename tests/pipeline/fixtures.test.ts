/**
 * One test per folder in `tests/fixtures/pipeline/`: `input.md` rendered with the options in
 * `options.json` (if any) must equal `output.html`. Update with `npx vitest run -u tests/pipeline`
 * and read every changed file before committing it.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor, type Options } from '../../src/pipeline/processor.ts';
import { renderMarkdown } from '../../src/pipeline/render.ts';

const root = new URL('../fixtures/pipeline/', import.meta.url).pathname;
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('pipeline fixtures', () => {
  it('should have fixtures to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    it(`should render \`${name}\` as in output.html`, async () => {
      const folder = join(root, name);
      const optionsPath = join(folder, 'options.json');
      const options = existsSync(optionsPath)
        ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Options)
        : undefined;
      const file = new VFile({ path: join(folder, 'input.md'), value: readFileSync(join(folder, 'input.md'), 'utf8') });
      const { html } = await renderMarkdown(file, options ? createProcessor(options) : undefined);
      await expect(html + '\n').toMatchFileSnapshot(join(folder, 'output.html'));
    });
  }
});
