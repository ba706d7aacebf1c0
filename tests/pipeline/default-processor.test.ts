/**
 * In its own file so the module-level default processor starts unset (vitest isolates files).
 */
import { VFile } from 'vfile';
import { describe, expect, it, vi } from 'vitest';
import { createProcessor } from '../../src/pipeline/processor.ts';
import { getDefaultProcessor, renderMarkdown } from '../../src/pipeline/render.ts';

vi.mock('../../src/pipeline/processor.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/pipeline/processor.ts')>();
  return { ...actual, createProcessor: vi.fn(actual.createProcessor) };
});

describe('default processor', () => {
  // These tests run in order and share the module state on purpose.
  it('should not be created when a processor is passed', async () => {
    const processor = createProcessor();
    await renderMarkdown(new VFile({ path: 'a.md', value: '# A' }), processor);
    expect(createProcessor).toHaveBeenCalledTimes(1);
  });

  it('should be created once, on first use, and reused for every article', async () => {
    vi.mocked(createProcessor).mockClear();
    await renderMarkdown(new VFile({ path: 'b.md', value: '# B' }));
    await renderMarkdown(new VFile({ path: 'c.md', value: '# C' }));
    const first = getDefaultProcessor();
    expect(getDefaultProcessor()).toBe(first);
    expect(createProcessor).toHaveBeenCalledTimes(1);
  });
});
