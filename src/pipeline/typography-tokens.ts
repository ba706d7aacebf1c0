/**
 * A small tokenizer that splits text the way parse-latin (retext's parser) does, as far as
 * SmartyPants' rules can see: words, white space and runs of one punctuation mark, with
 * the marks parse-latin glues into words (`don't`, `e-mail`, `km/h`) kept inside them.
 *
 * `remark-typography.ts` runs SmartyPants' rules on these tokens, so it gives the same
 * result as remark-smartypants without building a retext tree for every text node.
 */

/** `word`, `space` and `mark` at the top level; `text` is a run of letters inside a word. */
export type Kind = 'mark' | 'space' | 'text' | 'word';

/** One token. */
export interface Token {
  kind: Kind;
  /** The token's text (for a `word`, kept in step with its `children`). */
  value: string;
  /** Offset of the token's first character in the tokenized string. */
  start: number;
  /** Parts of a `word`: `text` runs and the marks glued between them. */
  children?: Token[];
}

// Character classes of parse-latin's `expressions.js`. It tests one UTF-16 unit at a time,
// so a character outside the BMP (an emoji) is a symbol, never a letter.
const space = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const letter = /[\p{L}\p{M}\p{N}]/u;
const punctuation = /\p{P}/u;
const innerMark = /^(?:[&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/;
// ASCII punctuation in parse-latin's sense: `#`, `%`, `&`, `*` and `@` are symbols there.
const asciiPunctuation = new Set('!"\'(),-./:;?[\\]_{}');

/** Class of one UTF-16 unit; a run of marks only continues within the same class. */
type CharClass = 'punctuation' | 'space' | 'symbol' | 'word';

function classOf(text: string, index: number): CharClass {
  const code = text.charCodeAt(index);
  const char = text.charAt(index);
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return 'word';
    if (code === 32 || (code >= 9 && code <= 13)) return 'space';
    return asciiPunctuation.has(char) ? 'punctuation' : 'symbol';
  }
  if (space.test(char)) return 'space';
  return punctuation.test(char) ? 'punctuation' : letter.test(char) ? 'word' : 'symbol';
}

/**
 * Split text into tokens, then glue marks into words like parse-latin's sentence plugins
 * (`mergeInitialWordSymbol`, `mergeFinalWordSymbol`, `mergeInnerWordSymbol`,
 * `mergeInnerWordSlash`, `mergeInitialisms`).
 *
 * @param text
 *   Text to split.
 * @returns
 *   Top-level tokens, in order; together their values give back `text`.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let from = 0;
  let previous: CharClass | undefined;
  for (let index = 0; index <= text.length; index++) {
    const current = index < text.length ? classOf(text, index) : undefined;
    const code = text.charCodeAt(index);
    const continues =
      current === previous &&
      (current === 'word' ||
        current === 'space' ||
        code === text.charCodeAt(index - 1) ||
        (code >= 0xd800 && code <= 0xdfff));
    if (previous !== undefined && !continues) {
      const value = text.slice(from, index);
      if (previous === 'word') tokens.push(word(value, from));
      else tokens.push({ kind: previous === 'space' ? 'space' : 'mark', value, start: from });
      from = index;
    }
    previous = current;
  }
  return mergeWords(tokens);
}

function word(value: string, start: number): Token {
  return { kind: 'word', value, start, children: [{ kind: 'text', value, start }] };
}

/** Glue marks into the word before or after them; see `tokenize`. */
function mergeWords(tokens: Token[]): Token[] {
  const isWord = (token: Token | undefined) => token?.kind === 'word';
  const isMark = (token: Token | undefined, value: string) => token?.kind === 'mark' && token.value === value;
  // `&` starts a word (`&c`), unless a word comes right before it.
  for (let index = 0; index < tokens.length; index++) {
    if (isMark(tokens[index], '&') && !isWord(tokens[index - 1]) && isWord(tokens[index + 1])) {
      join(tokens[index + 1]!, tokens.splice(index, 1), true);
    }
  }
  // `-` ends a word when no word follows (`pre- and post-war`).
  for (let index = 1; index < tokens.length; index++) {
    if (isMark(tokens[index], '-') && isWord(tokens[index - 1]) && !isWord(tokens[index + 1])) {
      join(tokens[index - 1]!, tokens.splice(index, 1), false);
      index--;
    }
  }
  // Marks such as `'`, `-` and `.` between words join them (`don't`, `e-mail`, `U.S`).
  for (let index = 1; index < tokens.length; index++) {
    if (!isWord(tokens[index - 1]) || tokens[index]!.kind !== 'mark') continue;
    let last = index;
    for (let end = index; end < tokens.length; end++) {
      const token = tokens[end]!;
      if (token.kind === 'word') last = end + 1;
      else if (token.kind !== 'mark' || !innerMark.test(token.value)) break;
    }
    if (last > index) {
      join(tokens[index - 1]!, tokens.splice(index, last - index), false);
      index--;
    }
  }
  // A slash joins short words (`km/h`, `w/o`).
  for (let index = 1; index < tokens.length; index++) {
    const before = tokens[index - 1]!;
    if (before.kind !== 'word' || !isMark(tokens[index], '/')) continue;
    const after = isWord(tokens[index + 1]) ? tokens[index + 1]! : undefined;
    if (before.value.length < 3 && (after === undefined || after.value.length < 3)) {
      join(before, tokens.splice(index, after ? 2 : 1), false);
      index--;
    }
  }
  // A full stop after an initialism joins it (`U.S.`), unless it is all digits (`1.2.`).
  for (let index = 1; index < tokens.length; index++) {
    if (isMark(tokens[index], '.') && isInitialism(tokens[index - 1]!)) {
      join(tokens[index - 1]!, tokens.splice(index, 1), false);
      index--;
    }
  }
  return tokens;
}

/** parse-latin's `mergeInitialisms` test: single characters between dots, not all digits. */
function isInitialism(token: Token): boolean {
  const parts = token.children;
  if (parts === undefined || parts.length === 1 || parts.length % 2 === 0) return false;
  let digits = true;
  for (let position = parts.length - 1; position >= 0; position--) {
    const value = parts[position]!.value;
    if (position % 2 === 0) {
      if (value.length > 1) return false;
      digits &&= /^\p{N}$/u.test(value);
    } else if (value !== '.') {
      if (position < parts.length - 2) break;
      return false;
    }
  }
  return !digits;
}

/**
 * Move tokens into a word, at its start or its end.
 *
 * @param target
 *   Word to grow.
 * @param moved
 *   Tokens to move into it.
 * @param atStart
 *   Whether they come before the word's text.
 */
export function join(target: Token, moved: Token[], atStart: boolean): void {
  const parts = moved.flatMap((token) => token.children ?? [token]);
  target.children = atStart ? [...parts, ...target.children!] : [...target.children!, ...parts];
  target.value = target.children.map((child) => child.value).join('');
  if (atStart) target.start = parts[0]!.start;
}
