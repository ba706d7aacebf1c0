/**
 * remark plugin for typographic punctuation: a fast stand-in for remark-smartypants with
 * `dashes: 'oldschool'`.
 *
 * It follows remark-smartypants step by step: quotes are decided once over the text of
 * the whole document (so a quote before a link or `*emphasis*` pairs with the one after),
 * then dashes, ellipses and double backticks are replaced inside each text node. The
 * rules are retext-smartypants' own, run on tokens from `typography-tokens.ts` instead of
 * a retext tree, which is what made remark-smartypants slow.
 */
import type { Nodes, Root, Text } from 'mdast';
import { splitSentences } from './typography-sentences.ts';
import { tokenize, type Token } from './typography-tokens.ts';

const noEnds = new Set<Token>();
// Blocks whose text starts afresh: remark-smartypants puts a space before each.
const blocks = new Set(['heading', 'paragraph', 'tableCell']);
const dots = /^\.+$/;
// Text without any of these cannot change in the second step.
const candidate = /\.[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*\.|--|``|''|–-/;

/**
 * Replace straight quotes with curly ones (`"a"` → `“a”`, `it's` → `it’s`, `'90s` →
 * `’90s`), `--` with an en dash, `---` with an em dash, `...` and `. . .` with an
 * ellipsis, and ``` `` ```/`''` with curly double quotes. Code is left alone.
 *
 * @returns
 *   Transform.
 */
export function remarkTypography() {
  return function (tree: Root): undefined {
    const texts: Text[] = [];
    const offsets: number[] = [];
    const chunks: string[] = [];
    let length = 0;
    const collect = (node: Nodes): void => {
      if (node.type === 'text' || node.type === 'inlineCode') {
        if (node.type === 'text') texts.push(node), offsets.push(length);
        // Code counts as a word, so quotes around it still pair up.
        const value = node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
        chunks.push(value);
        length += value.length;
      } else if ('children' in node) {
        if (blocks.has(node.type)) chunks.push(' '), length++;
        for (const child of node.children) collect(child);
      }
    };
    collect(tree);

    const quotes = new Map<number, string>();
    const { tokens, ends } = parse(chunks.join(''));
    curlQuotes(tokens, ends, quotes);
    texts.forEach((node, index) => {
      let value = node.value;
      if (quotes.size > 0) {
        const offset = offsets[index]!;
        value = value.replace(/["']/g, (char, at: number) => quotes.get(offset + at) ?? char);
      }
      node.value = candidate.test(value) ? dashesAndEllipses(parse(value)) : value;
    });
  };
}

/** Tokens of `text`, with the last token of each sentence. */
function parse(text: string): { tokens: Token[]; ends: Set<Token> } {
  const tokens = tokenize(text);
  return { ends: splitSentences(tokens), tokens };
}

/**
 * retext-smartypants `quotesDefault`, for every straight quote among `siblings`. Like
 * retext, a quote sees no further than the end of its sentence (`ends`).
 */
function curlQuotes(siblings: Token[], ends: Set<Token>, result: Map<number, string>): void {
  siblings.forEach((node, index) => {
    // Inside a word only glued-in marks can be quotes (`don't`).
    if (node.children) return node.children.length > 1 ? curlQuotes(node.children, noEnds, result) : undefined;
    if (node.kind !== 'mark' || (node.value !== '"' && node.value !== "'")) return;
    if (result.has(node.start)) return;
    const [open, close] = node.value === '"' ? ['“', '”'] : ['‘', '’'];
    // White space around a sentence is outside it: at its start, a quote has no `previous`.
    const before = siblings[index - 1];
    const starts =
      before === undefined ||
      ends.has(before) ||
      (before.kind === 'space' && (index === 1 || ends.has(siblings[index - 2]!)));
    const previous = starts ? undefined : before;
    const next = ends.has(node) ? undefined : siblings[index + 1];
    const nextNext = next === undefined || ends.has(next) ? undefined : siblings[index + 2];
    const nextValue = next?.value ?? '';
    let curled: string;
    if (next?.kind === 'mark' && nextNext?.kind !== 'word') curled = close;
    else if (next?.kind === 'mark' && (nextValue === '"' || nextValue === "'")) {
      // Nested quotes: `"'Quoted' words"`.
      curled = open;
      result.set(next.start, nextValue === '"' ? '“' : '‘');
    } else if (next && /^\d\ds$/.test(nextValue)) curled = close; // `the '80s`
    else if ((previous?.kind === 'space' || previous?.kind === 'mark') && next?.kind === 'word') curled = open;
    else if (previous && (previous.kind === 'text' || previous.kind === 'word')) curled = close;
    else if (!next || next.kind === 'space' || (node.value === "'" && nextValue === 's')) curled = close;
    else curled = open;
    result.set(node.start, curled);
  });
}

/**
 * retext-smartypants `ellipsesDefault`, `backticksDefault` and `dashesOldschool`, applied
 * in that order to each mark, with the same effect on the marks that follow.
 */
function dashesAndEllipses({ tokens: nodes, ends }: { tokens: Token[]; ends: Set<Token> }): string {
  let start = 0;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (ends.has(nodes[index - 1]!)) start = index;
    // White space before a sentence is outside it.
    if (index === start && node.kind === 'space') start++;
    if (node.kind !== 'mark') continue;
    if (dots.test(node.value)) {
      // Spaced ellipsis: at least three runs of dots with only white space between.
      let position = index;
      let count = 1;
      while (--position > start && nodes[position]!.kind === 'space') {
        const before = nodes[--position];
        if (before?.kind !== 'mark' || !dots.test(before.value)) break;
        count++;
      }
      if (count >= 3) {
        const removed = (count - 1) * 2;
        let end = index;
        while (end < nodes.length - 1 && !ends.has(nodes[end]!)) end++;
        nodes.splice(index - removed, removed);
        node.value = '…';
        // Like retext, walk on from the old index: what moved up in this sentence is skipped.
        index = index - removed + Math.min(removed, end - index);
      }
      if (/^\.{3,}$/.test(node.value)) node.value = '…';
    }
    if (node.value === '``') node.value = '“';
    else if (node.value === "''") node.value = '”';
    const next = nodes[index + 1];
    if (node.value === '–' && next?.kind === 'mark' && next.value === '-') {
      next.value = '—';
      nodes.splice(index, 1);
      index--;
    } else if (node.value === '---') node.value = '—';
    else if (node.value === '--') node.value = '–';
  }
  return nodes.map((node) => node.value).join('');
}
