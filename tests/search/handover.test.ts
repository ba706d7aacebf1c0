/**
 * Which Pagefind process takes the next bundle: the least busy one, each holding at most
 * `MOST_STORIES_HANDED` stories, and only the first until the cores are free.
 */
import { describe, expect, it } from 'vitest';
import { Handover, MOST_STORIES_HANDED } from '../../src/search/handover.ts';

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('Handover', () => {
  it('should hand each bundle to the least busy process', async () => {
    const handover = new Handover(2);
    expect(await handover.take(500)).toBe(0);
    expect(await handover.take(500)).toBe(1);
    expect(await handover.take(300)).toBe(0);
    expect(await handover.take(500)).toBe(1);
    handover.done(1, 500);
    expect(await handover.take(100)).toBe(1);
  });

  it('should queue bundles on a busy process up to its limit, then wait for one to be written', async () => {
    const handover = new Handover(1);
    expect(await handover.take(2_500)).toBe(0);
    expect(await handover.take(MOST_STORIES_HANDED - 2_500)).toBe(0);
    const next = handover.take(1);
    expect(await settled(next)).toBe(false);
    handover.done(0, 2_500);
    expect(await next).toBe(0);
  });

  it('should hand an idle process a bundle larger than the limit', async () => {
    const handover = new Handover(1);
    expect(await handover.take(MOST_STORIES_HANDED * 2)).toBe(0);
  });

  it('should use only the first process, one bundle ahead, until the cores are free, then all', async () => {
    let free!: () => void;
    const handover = new Handover(2, new Promise<void>((resolve) => (free = resolve)));
    expect(await handover.take(500)).toBe(0);
    expect(await handover.take(500)).toBe(0);
    const third = handover.take(500);
    expect(await settled(third)).toBe(false);
    free();
    expect(await third).toBe(1);
    expect(await handover.take(500)).toBe(1);
    expect(await handover.take(500)).toBe(0);
  });

  it('should use all processes once the rendering they waited for failed', async () => {
    const handover = new Handover(2, Promise.reject(new Error('a body failed to render')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await handover.take(500)).toBe(0);
    expect(await handover.take(500)).toBe(1);
  });
});
