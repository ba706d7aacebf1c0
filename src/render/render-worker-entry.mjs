/**
 * A render worker's first module, in JavaScript so a worker can load it before TypeScript can be
 * loaded: it registers tsx's ESM loader and hands on `render-worker.ts`'s batch function.
 *
 * Why not `execArgv: ['--import', 'tsx']`: two workers started that way render 20–35% slower
 * (4,000 bench articles on 2 workers: Node 20 19.4–23.1 s against 16.6–18.4 s this way, Node 22
 * 21.6 s against 13.7 s, Node 24 20.8 s against 13.2 s; same machine).
 */
import { register } from 'tsx/esm/api';

register();
const { default: renderBatch, yieldToSearch } = await import('./render-worker.ts');
yieldToSearch();
export default renderBatch;
