import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/errors/catalogue.ts';
import { ContentError, formatReport, hasErrors, report } from '../../src/errors/report.ts';

/** A file with one message from the catalogue. */
function fileWith(ruleId: keyof typeof catalogue, place: { line: number; column: number } | undefined, ...details: string[]): VFile {
  const file = new VFile({ path: 'content/articles/2025/budget.md', value: '' });
  report(file, ruleId, place, ...details);
  return file;
}

describe('report', () => {
  it('should put the catalogue message on the file with its place, rule id and source', () => {
    const file = fileWith('unknown-field', { line: 3, column: 1 }, 'tittle', 'title', '`title`, `date`');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({
      reason: 'Unknown field `tittle`. Did you mean `title`? Known fields: `title`, `date`.',
      line: 3,
      column: 1,
      ruleId: 'unknown-field',
      source: 'broadsheet',
      fatal: true,
    });
  });

  it('should make warnings from the catalogue non-fatal', () => {
    const file = fileWith('control-character', { line: 2, column: 5 }, 'the invisible character U+0008');
    expect(file.messages[0]!.fatal).toBe(false);
    expect(hasErrors([file])).toBe(false);
  });

  it('should place a message without a place on the file as a whole', () => {
    const file = fileWith('site-config', undefined, 'no site.yaml was found');
    expect(file.messages[0]!.line).toBeUndefined();
  });
});

describe('hasErrors', () => {
  it('should be true when any file has an error, and false for none or only warnings', () => {
    const clean = new VFile({ path: 'a.md' });
    const warned = fileWith('control-character', { line: 1, column: 1 });
    const broken = fileWith('encoding', { line: 1, column: 1 });
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([clean, warned])).toBe(false);
    expect(hasErrors([clean, warned, broken])).toBe(true);
  });
});

describe('formatReport', () => {
  it('should print the path, then line:column, `error`, the message and the rule id', () => {
    const output = formatReport([fileWith('invalid-field', { line: 3, column: 7 }, 'date', 'Expected a date')]);
    const lines = output.split('\n');
    expect(lines[0]).toBe('content/articles/2025/budget.md');
    expect(lines[1]).toMatch(/^\s*3:7\s+error\s+`date`: Expected a date\.\s+invalid-field\s+broadsheet$/);
  });

  it('should print warnings as `warning`', () => {
    const output = formatReport([fileWith('control-character', { line: 2, column: 5 }, 'the invisible character U+0008')]);
    expect(output).toMatch(/2:5\s+warning\s+The file contains the invisible character U\+0008.*control-character/);
  });

  it('should leave out files without messages and print nothing when there are none', () => {
    const clean = new VFile({ path: 'content/articles/2025/clean.md' });
    expect(formatReport([clean])).toBe('');
    expect(formatReport([])).toBe('');
    expect(formatReport([clean, fileWith('encoding', { line: 1, column: 1 })])).not.toContain('clean.md');
  });

  it('should print every file with messages, and a count', () => {
    const first = fileWith('encoding', { line: 1, column: 1 });
    const second = new VFile({ path: 'content/articles/2025/other.md' });
    report(second, 'symlink', { line: 1, column: 1 });
    report(second, 'control-character', { line: 4, column: 2 });
    const output = formatReport([first, second]);
    expect(output).toContain('content/articles/2025/budget.md');
    expect(output).toContain('content/articles/2025/other.md');
    expect(output).toMatch(/2 errors/);
    expect(output).toMatch(/1 warning/);
  });

  it('should not colour the output', () => {
    // eslint-disable-next-line no-control-regex
    expect(formatReport([fileWith('encoding', { line: 1, column: 1 })])).not.toMatch(/\u001B\[/);
  });
});

describe('ContentError', () => {
  it('should carry the files and say that nothing was built, followed by the report', () => {
    const file = fileWith('duplicate-id', { line: 5, column: 1 }, 'story-1', '`a.md`, `b.md`');
    const error = new ContentError([file]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ContentError');
    expect(error.files).toEqual([file]);
    expect(error.message).toBe(`The content has errors, so nothing was built:\n\n${formatReport([file])}`);
    expect(error.message).toContain('5:1');
    expect(error.skipOriginalStack).toBe(true);
  });
});

describe('catalogue', () => {
  it('should keep every published rule id (they are never renamed)', () => {
    expect(Object.keys(catalogue)).toEqual(
      expect.arrayContaining([
        'encoding',
        'control-character',
        'file-too-large',
        'symlink',
        'frontmatter-missing',
        'frontmatter-language',
        'frontmatter-unclosed',
        'frontmatter-yaml',
        'frontmatter-alias',
        'frontmatter-not-mapping',
        'unknown-field',
        'invalid-field',
        'duplicate-url',
        'duplicate-id',
        'reserved-slug',
        'tag-collision',
        'tag-unusable',
        'raw-html',
        'site-config',
      ]),
    );
  });

  it.each(Object.entries(catalogue))('should word `%s` as full sentences without an "Error:" prefix', (ruleId, rule) => {
    expect(ruleId).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    const message = (rule.message as () => string)();
    expect(message).toMatch(/^[A-Z`]/);
    expect(message).toMatch(/[.?]$/);
    expect(message).not.toMatch(/^error:?/i);
    expect(['error', 'warning']).toContain(rule.severity);
  });
});
