import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatImportReport } from '../../src/import/report.ts';
import { importFixture } from './helpers.ts';

let report: string;
let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const imported = await importFixture('hugo');
  cleanup = imported.cleanup;
  report = formatImportReport({ ...imported.result, source: path.join('..', 'old-site') });
});

afterAll(() => cleanup?.());

describe('the import report', () => {
  it('should open with the format, the folders and the counts', () => {
    expect(report).toMatch(
      /^# Import report\n\nImported `\.\.\/old-site` as \*\*hugo\*\* \(detected: `hugo\.toml` is there\) into `content\/articles\/imported`\.\n\n\| found \| written \| skipped \| failed \| warnings \|\n\| ---: \| ---: \| ---: \| ---: \| ---: \|\n\| 6 \| 5 \| 0 \| 1 \| \d+ \|\n/,
    );
  });

  it('should list every post not converted, with its line and reason', () => {
    expect(report).toContain(
      '## Not converted (1)\n\n- `content/posts/broken-toml.md` line 3: The TOML front matter cannot be read: invalid value. Fix it in the source and import again. (`frontmatter-unparseable`)',
    );
  });

  it('should list every warning and note under its file, with the source line', () => {
    expect(report).toContain('### `content/posts/bridge-reopens.md` → `content/articles/imported/2024/bridge-open.md`');
    expect(report).toContain('- line 20, warning `shortcode`: The Hugo shortcode `{{< youtube abc123 >}}` was left in place: Broadsheet shows it as written.');
    expect(report).toContain('- line 12, note `presentation-dropped`: `weight` only said how the old site looked, and was dropped.');
  });

  it('should list the files it found that are not posts', () => {
    expect(report).toContain('## Not posts (2)\n\n- `content/posts/_index.md`: a section’s list page (`_index`), not a post.');
  });

  it('should leave out sections with nothing to say', () => {
    expect(report).not.toContain('## Skipped');
    expect(report).not.toContain('## Site settings');
  });
});
