/**
 * `--pipeline`: the cost of Broadsheet's Markdown pipeline against the bare unified chain it is
 * built on, per article, on the generated bodies.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { renderMarkdown } from '../../pipeline/render.ts';
import { articleBody } from './article-body.ts';
import type { ArchivePlan } from './plan.ts';
import { median } from './report.ts';

/** The budget: Broadsheet's pipeline may cost at most this many times the bare chain. */
export const PIPELINE_TARGET = 1.3;

/** What `benchPipeline` measured. */
export interface PipelineResult {
  articles: number;
  rounds: number;
  /** Median over rounds of the mean milliseconds per article. */
  bareMsPerArticle: number;
  fullMsPerArticle: number;
  /** `fullMsPerArticle / bareMsPerArticle`. */
  ratio: number;
  target: number;
  /** Words per article, on average. */
  meanWords: number;
  /** Each round's mean milliseconds per article, to judge the noise. */
  bareRounds: number[];
  fullRounds: number[];
}

/**
 * Render the first `count` article bodies with (a) remark-parse → remark-gfm → remark-rehype →
 * rehype-stringify and (b) `renderMarkdown`, article by article, after a warm-up.
 *
 * @param plan The archive plan; bodies are generated from it, not read from disk.
 * @param count Articles to render (default: `1000`).
 * @param rounds Timed passes of each (default: `3`).
 * @returns Milliseconds per article and the ratio.
 */
export async function benchPipeline(plan: ArchivePlan, count = 1000, rounds = 3): Promise<PipelineResult> {
  const bodies = plan.articles.slice(0, count).map((article) => ({ path: article.path, value: articleBody(plan, article) }));
  const bare = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();
  const renderBare = async (body: { path: string; value: string }) => {
    const file = new VFile(body);
    return bare.stringify(await bare.run(bare.parse(file), file), file);
  };
  const renderFull = (body: { path: string; value: string }) => renderMarkdown(new VFile(body));
  const time = async (render: (body: { path: string; value: string }) => Promise<unknown>, body: { path: string; value: string }) => {
    const started = performance.now();
    await render(body);
    return performance.now() - started;
  };
  // Warm-up: let the JIT compile both paths before anything is timed.
  for (const body of bodies.slice(0, 50)) {
    await renderBare(body);
    await renderFull(body);
  }
  // Each body goes through both chains back to back, first one then the other in turn, so a
  // busy moment on the machine hits both alike.
  const bareTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let bareTotal = 0;
    let fullTotal = 0;
    for (const [index, body] of bodies.entries()) {
      if (index % 2) {
        fullTotal += await time(renderFull, body);
        bareTotal += await time(renderBare, body);
      } else {
        bareTotal += await time(renderBare, body);
        fullTotal += await time(renderFull, body);
      }
    }
    bareTimes.push(bareTotal / bodies.length);
    fullTimes.push(fullTotal / bodies.length);
  }
  const bareMsPerArticle = median(bareTimes);
  const fullMsPerArticle = median(fullTimes);
  const words = bodies.reduce((sum, body) => sum + body.value.split(/\s+/).length, 0);
  return {
    articles: bodies.length,
    rounds,
    bareMsPerArticle,
    fullMsPerArticle,
    ratio: fullMsPerArticle / bareMsPerArticle,
    target: PIPELINE_TARGET,
    meanWords: Math.round(words / Math.max(1, bodies.length)),
    bareRounds: bareTimes,
    fullRounds: fullTimes,
  };
}

/**
 * The result as a Markdown table.
 *
 * @param result From `benchPipeline`.
 * @returns Markdown text.
 */
export function formatPipeline(result: PipelineResult): string {
  const rounds = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
  const verdict = result.ratio <= result.target ? 'within' : 'over';
  return [
    `${result.articles} article bodies (${result.meanWords} words on average), ${result.rounds} rounds, medians, one core.`,
    '',
    '| Chain | ms/article |',
    '| --- | ---: |',
    `| remark-parse → remark-gfm → remark-rehype → rehype-stringify | ${result.bareMsPerArticle.toFixed(2)} (rounds: ${rounds(result.bareRounds)}) |`,
    `| Broadsheet \`renderMarkdown\` | ${result.fullMsPerArticle.toFixed(2)} (rounds: ${rounds(result.fullRounds)}) |`,
    `| Ratio | ${result.ratio.toFixed(2)}× (${verdict} the ${result.target}× target) |`,
  ].join('\n');
}
