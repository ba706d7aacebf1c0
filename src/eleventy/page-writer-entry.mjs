/**
 * A page-writing thread's first module, in JavaScript so a thread can load it before TypeScript
 * can be loaded (see `render/render-worker-entry.mjs`): it registers tsx's ESM loader and hands
 * on `page-writer.ts`'s task.
 */
import { register } from 'tsx/esm/api';

register();
const { default: writePortablePart } = await import('./page-writer.ts');
export default writePortablePart;
