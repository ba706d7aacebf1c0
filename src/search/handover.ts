/**
 * Decides which Pagefind process takes the next bundle. Bundles are handed over as soon as each is
 * ready, to the process with the fewest stories waiting; a busy process queues them in the relay
 * thread (`pagefind-relay.mjs`). A process then never waits for the main thread between
 * bundles: Eleventy holds that thread for seconds at a time while it writes pages (cold 10,000
 * articles: each process sat idle 3–9 s after a bundle while the pages were being written).
 */

/**
 * Stories one process may hold at once: the bundle it is writing and the ones waiting for it.
 * Their text is in memory until written, so it is bounded: two bundles of 2,500 (about 30 MB).
 * Until the cores are free a process holds one bundle beyond the one it writes: the main thread
 * is free enough then, and bundles queued on it would wait there once a second process starts.
 */
export const MOST_STORIES_HANDED = 5_000;

/** The processes' loads, for the one loop that hands bundles over. */
export class Handover {
  /** Stories handed to each process and not yet written. */
  private readonly handed: number[];
  /** Bundles handed to each process and not yet written. */
  private readonly bundles: number[];
  private open: number;
  private wake: () => void = () => undefined;

  /**
   * @param processes How many processes there are.
   * @param coresFree Until it settles, only the first process takes bundles (see `writeSearchIndex`).
   */
  constructor(processes: number, coresFree?: Promise<unknown>) {
    this.handed = Array.from({ length: processes }, () => 0);
    this.bundles = Array.from({ length: processes }, () => 0);
    this.open = coresFree ? 1 : processes;
    void coresFree?.then(
      () => this.widen(),
      () => this.widen(),
    );
  }

  /**
   * Wait for a process that can take a bundle, and count the bundle on it. One caller at a time.
   *
   * @param stories The bundle's stories.
   * @returns The process's index.
   */
  async take(stories: number): Promise<number> {
    for (;;) {
      const index = this.pick(stories);
      if (index !== undefined) {
        this.handed[index]! += stories;
        this.bundles[index]! += 1;
        return index;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /**
   * A bundle handed to a process is written (or failed).
   *
   * @param index The process.
   * @param stories The bundle's stories.
   */
  done(index: number, stories: number): void {
    this.handed[index]! -= stories;
    this.bundles[index]! -= 1;
    this.wake();
  }

  private widen(): void {
    this.open = this.handed.length;
    this.wake();
  }

  /** The open process with the fewest stories, if it has room: an idle one always has. */
  private pick(stories: number): number | undefined {
    let best = 0;
    for (let index = 1; index < this.open; index++) if (this.handed[index]! < this.handed[best]!) best = index;
    if (this.bundles[best] === 0) return best;
    const allOpen = this.open === this.handed.length;
    return (allOpen ? this.handed[best]! + stories <= MOST_STORIES_HANDED : this.bundles[best]! < 2) ? best : undefined;
  }
}
