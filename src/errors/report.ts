/**
 * Puts catalogue messages on files, and prints them the way vfile-reporter does.
 */
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { catalogue, type RuleId } from './catalogue.ts';

/** Where a message points: a line and column, 1-based. */
export interface Point {
  line: number;
  column: number;
}

/**
 * Add a message from the catalogue to a file.
 *
 * @param file The file the message is about.
 * @param ruleId Catalogue entry.
 * @param place Line and column in the file.
 * @param details Values for the entry's message.
 */
export function report(file: VFile, ruleId: RuleId, place: Point | undefined, ...details: string[]): void {
  const rule = catalogue[ruleId];
  const message = file.message((rule.message as (...d: string[]) => string)(...details), {
    ruleId,
    source: 'broadsheet',
    ...(place ? { place } : {}),
  });
  message.fatal = rule.severity === 'error';
}

/**
 * Whether any file carries an error (not only warnings).
 *
 * @param files Files to look at.
 * @returns `true` when the build must stop.
 */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}

/**
 * Format the messages of files for a terminal: path, then `line:column  error  message  rule`.
 *
 * @param files Files with messages; files without any are left out.
 * @returns The report text ('' when there is nothing to say).
 */
export function formatReport(files: readonly VFile[]): string {
  const withMessages = files.filter((file) => file.messages.length > 0);
  if (withMessages.length === 0) return '';
  return reporter(withMessages, { color: false, verbose: false });
}

/** Thrown when content has errors; carries the files so callers can report them. */
export class ContentError extends Error {
  override name = 'ContentError';
  /** Tells Eleventy's error handler to print the report alone, without a stack trace. */
  readonly skipOriginalStack = true;
  /**
   * @param files Every file, with the messages that stopped the build.
   */
  constructor(readonly files: readonly VFile[]) {
    super(`The content has errors, so nothing was built:\n\n${formatReport(files)}`);
  }
}
