/**
 * renderAll: the render cache keeps HTML and text on disk, read when used; a body whose entry is
 * already cached need not be held, and is read again only if the entry is gone when needed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pipelineVersion } from '../../src/render/pipeline-version.ts';
import { renderAll, renderKey } from '../../src/render/render-all.ts';

let cacheDir: string;
afterEach(async () => {
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

describe('renderAll', () => {
  it('should read the HTML and text from the cache when used, and leave them out of JSON', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const { outcomes } = await renderAll([{ path: 'a.md', body: 'The *council* met.\n' }], { cacheDir });
    const [{ rendered }] = outcomes as [(typeof outcomes)[number]];
    expect(rendered.html).toBe('<p>The <em>council</em> met.</p>');
    expect(rendered.text).toBe('The council met.');
    expect(JSON.stringify(rendered)).not.toContain('council</em>');
    expect(rendered.key).toBe(renderKey(await pipelineVersion(), 'The *council* met.\n'));
  });

  it('should read a body again when its cache entry is gone, and refuse one that changed', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const body = 'The ferry runs *hourly*.\n';
    const key = renderKey(await pipelineVersion(), body);
    let reads = 0;
    const { outcomes, cached } = await renderAll([{ path: 'b.md', key, body: async () => (reads++, body) }], { cacheDir });
    expect([reads, cached]).toEqual([1, 0]);
    expect(outcomes[0]!.rendered.html).toBe('<p>The ferry runs <em>hourly</em>.</p>');
    const changed = renderAll([{ path: 'c.md', key: renderKey(await pipelineVersion(), 'old'), body: async () => 'new' }], { cacheDir });
    await expect(changed).rejects.toThrow('`c.md` changed during the build');
  });
});
