import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importArchive } from '../../src/import/import-archive.ts';
import { readImported, workspace, type Workspace } from './helpers.ts';

let space: Workspace | undefined;
afterEach(() => space?.cleanup());

async function importSite(files: Record<string, string>, from?: string) {
  space = await workspace();
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(space.cwd, 'old-site', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  const result = await importArchive({ source: 'old-site', cwd: space.cwd, ...(from ? { from } : {}) });
  return { result, read: (source: string) => readImported(space!.cwd, result, source) };
}

const POST = '---\ntitle: Bridge opens\nauthor: Ana Ruiz\ncategories: [News]\n---\nText.\n';

describe('the old site’s settings', () => {
  it('should compute Jekyll old URLs from a named `permalink` style under `baseurl`', async () => {
    const { read } = await importSite({ '_config.yml': 'permalink: pretty\nbaseurl: /blog\n', '_posts/2024-01-02-bridge.md': POST });
    expect((await read('_posts/2024-01-02-bridge.md')).data.aliases).toEqual(['/blog/news/2024/01/02/bridge/']);
  });

  it('should fill Jekyll placeholders in a custom `permalink`', async () => {
    const { read } = await importSite({ '_config.yml': 'permalink: /:year/:i_month/:short_month/:y_day/:slug:output_ext\n', '_posts/2024-02-03-Bridge_Opens.md': POST });
    expect((await read('_posts/2024-02-03-Bridge_Opens.md')).data.aliases).toEqual(['/2024/2/Feb/034/bridge-opens.html']);
  });

  it('should use Hugo’s `uglyURLs` and the default section path when there is no `permalinks`', async () => {
    const { read } = await importSite({ 'config.toml': 'baseURL = "https://example.org/news/"\nuglyURLs = true\n', 'content/posts/Bridge Opens.md': POST.replace('author', 'date: 2024-01-02\nauthor') });
    expect((await read('content/posts/Bridge Opens.md')).data.aliases).toEqual(['/news/posts/bridge-opens.html']);
  });

  it('should report settings it cannot read, and go on with the defaults', async () => {
    const { result, read } = await importSite({ '_config.yml': 'title: [unclosed\n', '_posts/2024-01-02-bridge.md': POST });
    expect(result.settings).toMatchObject([{ ruleId: 'settings-unreadable', severity: 'warning' }]);
    expect((await read('_posts/2024-01-02-bridge.md')).data.aliases).toEqual(['/news/2024/01/02/bridge.html']);
  });
});
