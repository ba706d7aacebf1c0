/**
 * `loopTurner`: long synchronous work that calls it lets other callbacks (a child process's pipe,
 * say) run every few milliseconds, and costs nothing between turns.
 */
import { describe, expect, it } from 'vitest';
import { loopTurner } from '../../src/output/let-loop-turn.ts';

describe('loopTurner', () => {
  it('should let waiting callbacks run while a long loop goes on', async () => {
    const turn = loopTurner(5);
    const ranAt: number[] = [];
    let stop = false;
    const tick = () => {
      ranAt.push(performance.now());
      if (!stop) setImmediate(tick);
    };
    setImmediate(tick);
    const started = performance.now();
    // Until the callback has run three times, or two seconds: a loop that never turned would
    // leave it waiting until the loop ended. (Not a count per 100 ms: a busy machine skews that.)
    while (ranAt.length < 3 && performance.now() - started < 2_000) await turn();
    stop = true;
    expect(ranAt.length).toBeGreaterThanOrEqual(3);
  });

  it('should not turn the loop before the interval has passed', () => {
    const turn = loopTurner(1_000);
    expect(turn()).toBeUndefined();
  });
});
