/**
 * A render worker's first module, in JavaScript so a worker can load it before TypeScript can be
 * loaded: it registers tsx's ESM loader and hands on `render-worker.ts`'s batch function.
 *
 * Why not `execArgv: ['--import', 'tsx']`: a worker started that way renders about 20% slower
 * (4,000 bench articles on 2 workers: 19.4–23.1 s against 16.6–18.0 s this way, same machine).
 */
import { register } from 'tsx/esm/api';

register();
const { default: renderBatch } = await import('./render-worker.ts');
export default renderBatch;
