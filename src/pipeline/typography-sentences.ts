/**
 * Where parse-latin ends sentences, as far as SmartyPants' rules can tell. A quote sees
 * no further than its sentence, and a full stop inside a sentence is glued to a word, so
 * it is no longer an ellipsis dot (see `remark-typography.ts`).
 */
import { join, type Token } from './typography-tokens.ts';

const terminal = /^[!.?\u2026\u203D]+$/;
// Closing marks that move from the start of a sentence to the end of the one before.
const affix = /^([!"').?\]}\u2019\u201D\u2026\u203A\u00BB])\1*$/;
// Words parse-latin reads as abbreviations when a full stop follows (`etc.`, `cf.`, `3.`).
const abbreviation =
  /^(?:[0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;

const isTerminal = (token: Token | undefined) => token?.kind === 'mark' && terminal.test(token.value);
const isAffix = (token: Token | undefined) => token?.kind === 'mark' && affix.test(token.value) && !isTerminal(token);

/** What follows a terminal mark. */
interface Boundary {
  /** Index of the sentence's last token: the terminal mark, or the closing marks after it. */
  last: number;
  /** Whether the next sentence is joined back to this one. */
  joined: boolean;
  /** Whether a word or another terminal mark comes later in the joined sentence. */
  continues: boolean;
  /** Whether the mark is a full stop after an abbreviation (`etc.`, `a.`, `12.`). */
  short: boolean;
}

/**
 * Look at every terminal mark, like parse-latin's paragraph plugins.
 *
 * @param tokens
 *   Top-level tokens from `tokenize`.
 * @returns
 *   Each terminal mark with what follows it.
 */
function boundaries(tokens: Token[]): Map<Token, Boundary> {
  const result = new Map<Token, Boundary>();
  let first = true;
  let hasWordBefore = false;
  for (let index = 0; index < tokens.length; index++) {
    hasWordBefore ||= tokens[index]!.kind === 'word';
    if (!isTerminal(tokens[index])) continue;
    let last = index;
    while (isAffix(tokens[last + 1])) last++;
    // The next sentence runs to the next terminal mark.
    let head: Token | undefined;
    let hasWord = false;
    let hasTerminal = false;
    for (let at = last + 1; at < tokens.length && !hasTerminal; at++) {
      const token = tokens[at]!;
      hasWord ||= token.kind === 'word';
      if (head === undefined && token.kind !== 'space') head = token;
      hasTerminal = isTerminal(token);
    }
    const next = tokens[last + 1];
    const before = tokens[index - 1];
    const early =
      (next !== undefined && (!hasWord || (first && !hasWordBefore))) ||
      (head?.kind === 'word' && /^\p{Ll}/u.test(head.value)) ||
      (next?.kind === 'word' && /^\d/.test(next.value));
    // `etc.`: the stop joins the word even at the very end; a space after it does not count.
    const short =
      !early &&
      last === index &&
      tokens[index]!.value === '.' &&
      before?.kind === 'word' &&
      abbreviation.test(before.value.toLowerCase());
    const comma = head?.kind === 'mark' && (head.value === ',' || head.value === ';');
    const joined = early || (short && next !== undefined) || comma;
    result.set(tokens[index]!, { last, joined, short, continues: joined && (hasWord || hasTerminal) });
    first = false;
    index = last;
  }
  return result;
}

/**
 * Split tokens into sentences like parse-latin: find the sentences that end early, then
 * glue each full stop that does not end its sentence to the word before it (`etc.`) or,
 * failing that, after it (`mergeRemainingFullStops`); a spaced ellipsis keeps its dots.
 *
 * A sentence ends early after a terminal mark and the closing marks that follow it with
 * no space (`."`, `?')`), unless the next sentence is joined back: it has no words, or
 * starts with a lower-case word, a number, a comma or a semicolon, or follows an
 * abbreviation, or the first sentence has no words.
 *
 * @param tokens
 *   Top-level tokens from `tokenize`; full stops are glued in place.
 * @returns
 *   The last token of each sentence that ends early.
 */
export function splitSentences(tokens: Token[]): Set<Token> {
  const found = boundaries(tokens);
  const ends = new Set<Token>();
  for (const { last, joined } of found.values()) if (!joined) ends.add(tokens[last]!);
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]!;
    const boundary = found.get(token);
    if (token.value !== '.' || boundary === undefined || !(boundary.continues || boundary.short)) continue;
    const before = tokens[index - 1];
    const after = tokens[index + 1];
    if (boundary.short) {
      join(before!, tokens.splice(index, 1), false);
    } else if (before?.kind === 'word') {
      if (after?.kind === 'space' && tokens[index + 2]?.value === '.') continue;
      join(before, tokens.splice(index, 1), false);
    } else if (after?.kind === 'word') {
      join(after, tokens.splice(index, 1), true);
    }
  }
  return ends;
}
