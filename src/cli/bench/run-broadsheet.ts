/**
 * The child process of one measured Broadsheet build: `node --import tsx run-broadsheet.ts
 * <contentDir> <outputDir>`. It builds once and prints `[bench:result] {…}` for the parent, and,
 * with `BROADSHEET_TIMING=1`, the build's `[broadsheet:timing] {…}` stage split in seconds.
 */
import * as build from '../build.ts';

const [contentDir, outputDir] = process.argv.slice(2);
if (!contentDir || !outputDir) throw new Error('Expected `run-broadsheet.ts <contentDir> <outputDir>`.');
const result = await build.buildSite({ contentDir, publicDir: 'public', outputDir });
// `npm run build` prints the timing line from its `main`; calling `buildSite` directly, print it here.
const timings = (build as { stageTimings?: () => Record<string, number> }).stageTimings;
if (process.env.BROADSHEET_TIMING === '1' && typeof timings === 'function') console.log(`[broadsheet:timing] ${JSON.stringify(timings())}`);
console.log(`[bench:result] ${JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS })}`);
