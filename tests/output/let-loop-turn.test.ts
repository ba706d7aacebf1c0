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
    while (performance.now() - started < 100) await turn();
    stop = true;
    // A loop that never turned would leave the callback waiting until it ended.
    expect(ranAt.filter((time) => time < started + 100).length).toBeGreaterThan(5);
  });

  it('should not turn the loop before the interval has passed', () => {
    const turn = loopTurner(1_000);
    expect(turn()).toBeUndefined();
  });
});
