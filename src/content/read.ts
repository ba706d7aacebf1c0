/**
 * Finds content files and reads them as clean text: UTF-8 checked, BOM and CRLF removed,
 * characters that HTML and XML cannot carry taken out (with a warning).
 */
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../errors/report.ts';

/** Largest content file Broadsheet reads, in bytes (1 MiB: about 150,000 words). */
export const MAX_FILE_BYTES = 1024 * 1024;

// C0 controls other than tab and newline, DEL, C1 controls, and the noncharacters U+FFFE/U+FFFF:
// XML 1.0 forbids most of them, and none belongs in an article. Also applied to YAML values,
// where an escape such as `"\b"` can write them.
export const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * List the Markdown files below a folder, sorted, including symbolic links (which `readContentFile`
 * refuses, so an editor learns why a file was not published).
 *
 * @param folder Absolute folder path; a missing folder has no files.
 * @returns Absolute file paths.
 */
export async function listMarkdownFiles(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    // Every symbolic link is listed, even a linked folder, so it is reported rather than ignored.
    .filter((entry) => (entry.isFile() && entry.name.endsWith('.md')) || entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Read one content file.
 *
 * @param absolutePath The file.
 * @param cwd Folder that messages name paths relative to.
 * @param stats Its `lstat`, when the caller has it already.
 * @returns A VFile whose `value` is the clean text, or whose messages say why it could not be read
 *   (then `value` is '' and the file has an error).
 */
export async function readContentFile(absolutePath: string, cwd: string, stats: Stats = lstatSync(absolutePath)): Promise<VFile> {
  const file = contentFile(absolutePath, cwd);
  if (stats.isSymbolicLink()) {
    report(file, 'symlink', { line: 1, column: 1 });
    return file;
  }
  if (stats.size > MAX_FILE_BYTES) {
    report(file, 'file-too-large', { line: 1, column: 1 }, formatBytes(stats.size), formatBytes(MAX_FILE_BYTES));
    return file;
  }
  // Synchronous on purpose (as is the `lstat`): see readEntryHeader in src/render/cache-entries.ts.
  const bytes = readFileSync(absolutePath);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    report(file, 'encoding', { line: 1, column: 1 });
    return file;
  }
  text = text.replace(/\r\n?/g, '\n');
  file.value = removeForbiddenCharacters(text, file);
  return file;
}

/**
 * The VFile a content file's messages go on, named relative to `cwd`, without its text.
 *
 * @param absolutePath The file.
 * @param cwd Folder that messages name paths relative to.
 * @returns An empty VFile.
 */
export function contentFile(absolutePath: string, cwd: string): VFile {
  return new VFile({ path: path.relative(cwd, absolutePath) || absolutePath, cwd, value: '' });
}

function removeForbiddenCharacters(text: string, file: VFile): string {
  FORBIDDEN.lastIndex = 0;
  const first = FORBIDDEN.exec(text);
  if (!first) return text;
  const before = text.slice(0, first.index);
  const line = before.split('\n').length;
  const column = first.index - before.lastIndexOf('\n');
  const code = first[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  report(file, 'control-character', { line, column }, `the invisible character U+${code}`);
  return text.replace(FORBIDDEN, '');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
