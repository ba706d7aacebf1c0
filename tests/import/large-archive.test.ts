/**
 * An archive of 1,000 generated Jekyll posts (generated rather than checked in: only their number
 * and variety matter) imports, and the result loads in one go.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importArchive } from '../../src/import/import-archive.ts';
import { countOutcomes } from '../../src/import/report.ts';
import { loadImported, workspace, type Workspace } from './helpers.ts';

const COUNT = 1000;
const AUTHORS = ['Ana Ruiz', 'Li Wei', 'Ana Ruiz and Li Wei', 'Sam Ode, Zoë Brandt & Ana Ruiz'];
const CATEGORIES = ['politics budget', 'sports', 'culture', 'economy harbour'];

/** The text of post `index`: a different day, byline, category and body construct each time. */
function post(index: number): { name: string; text: string } {
  const day = new Date(Date.UTC(2020, 0, 1 + index));
  const date = day.toISOString().slice(0, 10);
  const time = index % 3 === 0 ? ` ${String(index % 24).padStart(2, '0')}:15:00 +0100` : '';
  const bodies = [
    'A plain paragraph about the day.',
    '{% highlight js %}\nconsole.log(1);\n{% endhighlight %}',
    'Read more on {{ site.url }}.',
    '{% raw %}{{ literal }}{% endraw %} stays.',
    '<div class="embed">Embed</div>',
  ];
  const text = [
    '---',
    'layout: post',
    `title: "Report number ${index + 1}: the harbour, day ${index + 1}"`,
    `date: ${date}${time}`,
    `author: ${AUTHORS[index % AUTHORS.length]}`,
    `categories: ${CATEGORIES[index % CATEGORIES.length]}`,
    ...(index % 10 === 0 ? ['published: false'] : []),
    '---',
    `Paragraph one of report ${index + 1}.`,
    '',
    bodies[index % bodies.length]!,
    '',
  ].join('\n');
  return { name: `${date}-report-${index + 1}.md`, text };
}

let space: Workspace | undefined;
afterEach(() => space?.cleanup());

describe('a large archive', () => {
  it(`should import ${COUNT} posts and load them all with loadContent`, { timeout: 30_000 }, async () => {
    space = await workspace();
    const posts = path.join(space.cwd, 'old-site', '_posts');
    await mkdir(posts, { recursive: true });
    await Promise.all(Array.from({ length: COUNT }, (_, index) => post(index)).map(({ name, text }) => writeFile(path.join(posts, name), text)));

    const result = await importArchive({ source: 'old-site', cwd: space.cwd });
    expect(countOutcomes(result)).toMatchObject({ found: COUNT, written: COUNT, skipped: 0, failed: 0 });

    const { content, files } = await loadImported(space.cwd);
    expect(content.articles).toHaveLength(COUNT);
    expect(files.filter((file) => file.messages.some((message) => message.fatal))).toEqual([]);
    expect(new Set(content.articles.map((article) => article.url)).size).toBe(COUNT);
  });
});
