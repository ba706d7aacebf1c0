/**
 * renderAll: the render cache keeps HTML and text on disk, read when used; a body need not be held,
 * and is read when it is to be rendered.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryPath } from '../../src/render/cache-entries.ts';
import { pipelineVersion } from '../../src/render/pipeline-version.ts';
import { fromPortable, toPortable } from '../../src/render/cached-rendering.ts';
import { renderAll, renderKey, withHtml } from '../../src/render/render-all.ts';
import { RENDER_NICENESS } from '../../src/render/render-worker.ts';

/** The nice value of each of this process's threads (Linux: field 19 of `/proc/self/task/<id>/stat`). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').flatMap((task) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
    } catch {
      return []; // the thread ended meanwhile
    }
    // Fields 3 on follow the command name, which is in parentheses and may hold spaces.
    return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
  });
}

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

  it('should send a rendering to another thread without its HTML, which is read from the cache there', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const { outcomes } = await renderAll([{ path: 'a.md', body: 'The *council* met.\n' }], { cacheDir });
    const { rendered } = outcomes[0]!;
    // What a message to a thread carries (the structured clone algorithm): no getters.
    expect(structuredClone(rendered).html).toBeUndefined();
    const sent = structuredClone(toPortable(rendered));
    expect(JSON.stringify(sent)).not.toContain('<em>');
    const received = fromPortable(sent);
    expect([received.html, received.text, received.wordCount]).toEqual(['<p>The <em>council</em> met.</p>', 'The council met.', 3]);
    // HTML that is not the cache's (images given their sizes) crosses as it is.
    const resized = fromPortable(structuredClone(toPortable(withHtml(rendered, '<p>The <b>council</b> met.</p>'))));
    expect([resized.html, resized.text]).toEqual(['<p>The <b>council</b> met.</p>', 'The council met.']);
    const uncached = (await renderAll([{ path: 'b.md', body: 'A *vote*.\n' }], { cacheDir: false })).outcomes[0]!.rendered;
    expect(fromPortable(structuredClone(toPortable(uncached))).html).toBe('<p>A <em>vote</em>.</p>');
  });

  it('should render on worker threads, into the cache, what one thread renders', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    // Enough bodies for the worker pool (500), each distinct.
    const jobs = Array.from({ length: 600 }, (_, index) => ({
      path: `${index}.md`,
      body: `## Vote ${index}\n\nThe "council" met ${index} times -- [see](${index % 7 ? 'https://example.org' : 'javascript:alert(1)'}).\n`,
    }));
    const one = await renderAll(jobs, { cacheDir: false, threads: 1 });
    const pooled = await renderAll(jobs, { cacheDir, threads: 2 });
    const plain = ({ rendered, messages }: (typeof one.outcomes)[number]) => ({ ...rendered, key: undefined, html: rendered.html, text: rendered.text, messages });
    expect(pooled.outcomes.map(plain)).toEqual(one.outcomes.map(plain));
    expect(pooled.outcomes[3]!.rendered.html).toContain('<h2 id="vote-3">');
    expect((await renderAll(jobs, { cacheDir, threads: 2 })).cached).toBe(jobs.length);
  });

  it.runIf(process.platform === 'linux' && getPriority() + RENDER_NICENESS <= 19)('should render on worker threads below the build\'s priority, so the search index keeps pace', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const jobs = Array.from({ length: 600 }, (_, index) => ({ path: `${index}.md`, body: `The council met for the ${index}th time.\n` }));
    const base = getPriority();
    const below = base + RENDER_NICENESS;
    let threadsBelow = 0;
    // While the pool renders, its threads are alive: count those running below the build.
    await renderAll(jobs, { cacheDir, threads: 2, onRendered: () => (threadsBelow = Math.max(threadsBelow, threadNiceValues().filter((nice) => nice === below).length)) });
    expect(RENDER_NICENESS).toBeGreaterThan(0);
    expect(threadsBelow).toBeGreaterThanOrEqual(2);
    // This thread, and so the rest of the build, keeps its priority.
    expect(getPriority()).toBe(base);
  });

  it('should report each body on the pool as it is rendered, in the order given', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const jobs = Array.from({ length: 600 }, (_, index) => ({ path: `${index}.md`, body: `The council met for the ${index}th time.\n` }));
    const reported: number[] = [];
    const texts: string[] = [];
    const { outcomes } = await renderAll(jobs, {
      cacheDir,
      threads: 2,
      onRendered: (index, outcome) => {
        reported.push(index);
        texts[index] = outcome.rendered.text;
      },
    });
    expect([...reported].sort((a, b) => a - b)).toEqual(jobs.map((_, index) => index));
    expect(texts[42]).toBe('The council met for the 42th time.');
    expect(outcomes[599]!.rendered.text).toBe('The council met for the 599th time.');
    // Two batches of 32 per thread in flight: no body is reported more than four batches before its turn.
    expect(reported.every((index, position) => index < position + 4 * 32)).toBe(true);
  });

  it('should give back from the cache exactly what it rendered: line breaks, accents, emoji', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const body = '## Café in Zürich\n\n> “Ça va,” she said 🚢\n>\n> and left.\n\n| a | b |\n| - | - |\n| é | 🙂 |\n';
    const first = (await renderAll([{ path: 'd.md', body }], { cacheDir })).outcomes[0]!.rendered;
    await renderAll([], { cacheDir: path.join(cacheDir, 'elsewhere') });
    const again = await renderAll([{ path: 'd.md', body }], { cacheDir });
    expect(again.cached).toBe(1);
    const cached = again.outcomes[0]!.rendered;
    expect([cached.html, cached.text, cached.headings]).toEqual([first.html, first.text, first.headings]);
    expect(cached.html).toContain('🙂');
    expect(cached.text).toContain('Ça va');
  });

  it('should render again, not trust, an entry that was cut short or damaged', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const body = 'The *harbour* closed.\n';
    await renderAll([{ path: 'e.md', body }], { cacheDir });
    const file = entryPath(cacheDir, renderKey(await pipelineVersion(), body));
    const bytes = await readFile(file);
    for (const damaged of [bytes.subarray(0, bytes.length - 3), Buffer.from('not an entry'), Buffer.alloc(0)]) {
      await writeFile(file, damaged);
      // A call on another folder first, so the previous call's outcomes are not taken from memory.
      await renderAll([], { cacheDir: path.join(cacheDir, 'elsewhere') });
      const { outcomes, cached } = await renderAll([{ path: 'e.md', body }], { cacheDir });
      expect(cached).toBe(0);
      expect(outcomes[0]!.rendered.html).toBe('<p>The <em>harbour</em> closed.</p>');
    }
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

  it('should read a body it does not hold only when its batch is rendered, so the bodies are never all in memory', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const version = await pipelineVersion();
    const bodies = Array.from({ length: 600 }, (_, index) => `The harbour board met for the ${index}th time.\n`);
    let read = 0;
    let rendered = 0;
    let mostHeld = 0;
    const jobs = bodies.map((body, index) => ({
      path: `${index}.md`,
      key: renderKey(version, body),
      body: async () => {
        read++;
        mostHeld = Math.max(mostHeld, read - rendered);
        return body;
      },
    }));
    const { outcomes } = await renderAll(jobs, { cacheDir, threads: 2, onRendered: () => rendered++ });
    expect(outcomes[599]!.rendered.text).toBe('The harbour board met for the 599th time.');
    expect(read).toBe(600);
    // Two batches of 32 in flight per thread; a batch is read only when one comes back.
    expect(mostHeld).toBeLessThanOrEqual(4 * 32);
  });

  it('should stop the pool, naming the file, when a body changed since it was read', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-'));
    const version = await pipelineVersion();
    const jobs = Array.from({ length: 600 }, (_, index) => {
      const body = `The ferry ran ${index} times.\n`;
      return { path: `${index}.md`, key: renderKey(version, body), body: async () => (index === 300 ? 'An editor saved this meanwhile.\n' : body) };
    });
    await expect(renderAll(jobs, { cacheDir, threads: 2 })).rejects.toThrow('`300.md` changed during the build. Build again: the bodies rendered so far are in the cache.');
  });
});
