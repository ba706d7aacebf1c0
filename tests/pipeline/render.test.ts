import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import * as processorModule from '../../src/pipeline/processor.ts';
import * as renderModule from '../../src/pipeline/render.ts';
import { createProcessor } from '../../src/pipeline/processor.ts';
import { renderMarkdown } from '../../src/pipeline/render.ts';

/** Render Markdown given as a string, with the default processor unless one is given. */
async function render(value: string, processor?: processorModule.ArticleProcessor) {
  const file = new VFile({ path: 'content/articles/example.md', value });
  const result = await renderMarkdown(file, processor);
  return { file, ...result };
}

describe('pipeline API', () => {
  it('should expose the same public exports', async () => {
    expect(Object.keys(processorModule).sort()).toEqual(['createProcessor']);
    expect(Object.keys(renderModule).sort()).toEqual(['getDefaultProcessor', 'renderMarkdown']);
    const plugins = {
      'rehype-external-links': ['isExternal', 'rehypeExternalLinks'],
      'rehype-heading-ids': ['rehypeHeadingIds'],
      'remark-excerpt': ['remarkExcerpt'],
      'remark-links': ['remarkLinks'],
      'remark-raw-html': ['remarkRawHtml'],
      'remark-reading-time': ['countWords', 'remarkReadingTime'],
      'remark-typography': ['remarkTypography'],
      'typography-sentences': ['splitSentences'],
      'typography-tokens': ['join', 'tokenize'],
    };
    for (const [name, exports] of Object.entries(plugins)) {
      const module: object = await import(`../../src/pipeline/${name}.ts`);
      expect(Object.keys(module).sort(), name).toEqual(exports);
    }
  });

  it('should return a frozen processor that refuses new plugins', () => {
    expect(() => createProcessor().use(() => {})).toThrow(/frozen/);
  });

  it('should leave `file.value` as the Markdown it was given', async () => {
    const { file } = await render('Some *text*.');
    expect(file.value).toBe('Some *text*.');
  });
});

describe('renderMarkdown excerpt', () => {
  it('should use the first paragraph even when the document starts with a heading', async () => {
    const { excerpt } = await render('# Title\n\n## Sub\n\nFirst "para"\nwraps -- here.\n\nSecond para.');
    expect(excerpt).toBe('First “para” wraps – here.');
  });

  it('should give plain text without markup, link URLs or footnote numbers', async () => {
    const { excerpt } = await render('A *very* [linked](https://example.com) `code` claim[^1].\n\n[^1]: Note.');
    expect(excerpt).toBe('A very linked code claim.');
  });

  it('should skip a paragraph that holds only an image', async () => {
    const { excerpt } = await render('![Lead photo](/photo.jpg)\n\nThe lede.');
    expect(excerpt).toBe('The lede.');
  });

  it('should not take a paragraph from a quotation or a list', async () => {
    const { excerpt } = await render('> Quoted.\n\n- Listed.\n\nOwn words.');
    expect(excerpt).toBe('Own words.');
  });

  it("should be '' for a document with no paragraph", async () => {
    const { excerpt } = await render('# Only a heading\n\n- and\n- a list\n\n```\ncode\n```');
    expect(excerpt).toBe('');
  });

  it("should be '' when the only paragraph was raw HTML", async () => {
    const { excerpt, html } = await render('<div class="lede">Block HTML</div>\n\n<b></b>');
    expect(excerpt).toBe('');
    expect(html).toBe('');
  });
});

describe('renderMarkdown text', () => {
  it('should give the body as plain text, one block a line, without heading anchors or markup', async () => {
    const { text } = await render('# The vote\n\nThe *council* met on [Tuesday](/x/).\n\n> "We will not wait," she said.\n\n<script>alert(1)</script>\n');
    expect(text).toBe('The vote\nThe council met on Tuesday.\n\n“We will not wait,” she said.');
  });
});

describe('renderMarkdown statistics', () => {
  it('should count the words of the text and round the reading time', async () => {
    const body = Array.from({ length: 46 }, () => 'One two three four five six seven eight nine ten.').join('\n\n');
    const { wordCount, readingMinutes } = await render(`# Heading words\n\n${body}`);
    expect(wordCount).toBe(462);
    expect(readingMinutes).toBe(2);
  });

  it('should not join words across blocks nor split them across inline markup', async () => {
    const { wordCount } = await render('# Title\n\nun**believable** don\'t 3.5 e-mail -- ---\n\n| a | b |\n|---|---|\n| c | d |');
    expect(wordCount).toBe(1 + 4 + 4);
  });

  it('should report at least one minute, even for an empty body', async () => {
    const { wordCount, readingMinutes } = await render('');
    expect(wordCount).toBe(0);
    expect(readingMinutes).toBe(1);
  });

  it('should throw at once when `wordsPerMinute` is not a positive number', () => {
    expect(() => createProcessor({ wordsPerMinute: 0 })).toThrow('Expected `wordsPerMinute` to be a positive number, not `0`.');
  });

  it('should use `wordsPerMinute` when given', async () => {
    const { readingMinutes } = await render('word '.repeat(300), createProcessor({ wordsPerMinute: 100 }));
    expect(readingMinutes).toBe(3);
  });
});

describe('renderMarkdown headings', () => {
  it('should list headings with depth, unique id and text', async () => {
    const { headings, html } = await render("# Zoë's plan\n\n## Budget talks\n\n### Budget talks\n\n## `Code` *and* text");
    expect(headings).toEqual([
      { depth: 1, id: 'zoës-plan', text: 'Zoë’s plan' },
      { depth: 2, id: 'budget-talks', text: 'Budget talks' },
      { depth: 3, id: 'budget-talks-1', text: 'Budget talks' },
      { depth: 2, id: 'code-and-text', text: 'Code and text' },
    ]);
    expect(html).toContain('<h2 id="budget-talks">Budget talks</h2>');
  });

  it('should not list the footnote section label', async () => {
    const { headings } = await render('Text[^1].\n\n[^1]: Note.');
    expect(headings).toEqual([]);
  });

  it('should follow each heading with an accessible anchor link', async () => {
    const { html } = await render('## Budget talks');
    expect(html).toBe(
      '<div class="heading-wrapper"><h2 id="budget-talks">Budget talks</h2>' +
        '<a class="heading-anchor" aria-label="Link to this section: Budget talks" href="#budget-talks">#</a></div>',
    );
  });
});

describe('renderMarkdown links', () => {
  it('should list links, autolinks and definitions with their places, but not images', async () => {
    const { links } = await render('\n\nSee [a](/2025/01/02/x/) and <https://example.com>.\n\n![i](/i.jpg) [b][ref]\n\n[ref]: /about/');
    expect(links).toEqual([
      { url: '/2025/01/02/x/', place: { line: 3, column: 5 } },
      { url: 'https://example.com', place: { line: 3, column: 29 } },
      { url: '/about/', place: { line: 7, column: 1 } },
    ]);
  });
});

describe('renderMarkdown raw HTML warnings', () => {
  it('should warn with rule `raw-html` at the line of the padded original file', async () => {
    const padding = '\n'.repeat(7);
    const { file, html } = await render(`${padding}Intro.\n\n<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> b.`);
    expect(html).not.toMatch(/script|onerror|<img/);
    expect(file.messages.map((m) => [m.ruleId, m.source, m.line, m.column, m.fatal])).toEqual([
      ['raw-html', 'broadsheet', 10, 1, false],
      ['raw-html', 'broadsheet', 12, 3, false],
    ]);
    expect(file.messages[0]?.reason).toMatch(/^Raw HTML is not allowed in articles and was removed\./);
  });

  it('should give one warning per HTML piece, comments included', async () => {
    const { file } = await render('<!-- note -->\n\nA <b>b</b> c.');
    expect(file.messages.map((m) => `${m.line}:${m.column}`)).toEqual(['1:1', '3:3', '3:7']);
  });

  it('should give no messages for plain Markdown', async () => {
    const { file } = await render('# Title\n\nText with <angle brackets> escaped: \\<b>.');
    expect(file.messages.filter((m) => m.ruleId !== 'raw-html')).toEqual([]);
  });
});

describe('renderMarkdown robustness', () => {
  it('should not throw on an empty body', async () => {
    await expect(render('')).resolves.toMatchObject({ html: '', excerpt: '', headings: [] });
  });

  it('should not throw on a 200 KB document', async () => {
    const block = '## Section\n\nA "quoted" paragraph -- with *emphasis*, `code` and [a link](https://example.com).\n\n';
    const { html, headings } = await render(block.repeat(Math.ceil(200_000 / block.length)));
    expect(html.length).toBeGreaterThan(200_000);
    expect(new Set(headings.map((h) => h.id)).size).toBe(headings.length);
  });

  it('should not throw on control characters', async () => {
    const { html } = await render('A\bB \u0000 C\u001F\u007F [x](\u0000javascript:alert(1)) # \u0000');
    expect(html).toContain('A\bB');
    expect(html).not.toContain('javascript:');
  });

  it('should turn a failing plugin into a fatal `render-failed` message instead of throwing', async () => {
    const failing = createProcessor({
      rehypePlugins: [
        () => () => {
          throw new Error('boom');
        },
      ],
    });
    const { file, html } = await render('Text.', failing);
    expect(html).toBe('');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'render-failed', fatal: true, source: 'broadsheet' });
    expect(file.messages[0]?.cause).toBeInstanceOf(Error);
  });
});

describe('createProcessor extension points', () => {
  it('should run extra remark plugins before typography and extra rehype plugins last', async () => {
    const processor = createProcessor({
      remarkPlugins: [
        () => (tree: import('mdast').Root) => {
          tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: '"added"' }] });
        },
      ],
      rehypePlugins: [
        () => (tree: import('hast').Root) => {
          tree.children.push({ type: 'comment', value: ' trusted ' });
        },
      ],
    });
    const { html } = await render('Text.', processor);
    expect(html).toBe('<p>Text.</p>\n<p>“added”</p><!-- trusted -->');
  });
});
