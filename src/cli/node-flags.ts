/**
 * The V8 flags Broadsheet's commands run with. `package.json` spells them out in the `build` and
 * `start` scripts (a test keeps them equal); the benchmark passes them to the builds it measures.
 *
 * A 64 MB young generation (V8's default is 16): a build allocates many objects that live a
 * while (pages, their data, syntax trees), and each collection of a small young generation copies
 * them again. Measured writing 10,000 article pages: collector pauses 4.8 s → 3.3 s; rendering in
 * one thread 13% faster; a dev-server rebuild at 10,000 articles about 0.1 s faster.
 */
export const NODE_FLAGS = ['--max-semi-space-size=64'] as const;
