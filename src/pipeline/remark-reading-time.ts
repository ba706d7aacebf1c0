/**
 * remark plugin that counts the words of an article and estimates its reading time.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/** Configuration for {@link remarkReadingTime}. */
export interface Options {
  /** Reading speed used for the estimate, in words per minute (default: `230`). */
  wordsPerMinute?: number;
}

const emptyOptions: Options = {};

/**
 * A word: letters, digits or combining marks, which may be joined by an apostrophe, a
 * hyphen, a dot or a comma (`don’t`, `e-mail`, `3.5`, `10,000`). Dashes and lone
 * punctuation are not words.
 */
const word = /[\p{L}\p{N}\p{M}]+(?:['’.,\-][\p{L}\p{N}\p{M}]+)*/gu;

// Inline containers: their text runs on without a break (`**un**believable` is one word).
const inline = new Set(['delete', 'emphasis', 'link', 'linkReference', 'strong']);

/**
 * Store the number of words in the article's text in `file.data.wordCount` and the
 * reading time in `file.data.readingMinutes` (at least `1`).
 *
 * Text, inline code and code blocks count; image alt text and URLs do not.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export function remarkReadingTime(options?: Options) {
  const wordsPerMinute = (options ?? emptyOptions).wordsPerMinute ?? 230;
  if (!(wordsPerMinute > 0)) {
    throw new Error(`Expected \`wordsPerMinute\` to be a positive number, not \`${String(wordsPerMinute)}\`.`);
  }
  return function (tree: Root, file: VFile): undefined {
    const wordCount = countWords(collectText(tree, []).join(''));
    file.data.wordCount = wordCount;
    file.data.readingMinutes = Math.max(1, Math.round(wordCount / wordsPerMinute));
  };
}

/**
 * Count words in text.
 *
 * @param text
 *   Plain text.
 * @returns
 *   Number of words.
 */
export function countWords(text: string): number {
  return text.match(word)?.length ?? 0;
}

/**
 * Gather the visible text of a tree, with a space between blocks so words in separate
 * paragraphs, cells or list items never run together.
 */
function collectText(node: Nodes, chunks: string[]): string[] {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
    chunks.push(node.value);
  } else if ('children' in node) {
    const block = !inline.has(node.type);
    if (block) chunks.push(' ');
    for (const child of node.children) collectText(child, chunks);
    if (block) chunks.push(' ');
  }
  return chunks;
}
