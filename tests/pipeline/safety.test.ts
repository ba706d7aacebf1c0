import { load } from 'cheerio';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/pipeline/processor.ts';
import { isExternal } from '../../src/pipeline/rehype-external-links.ts';
import { renderMarkdown } from '../../src/pipeline/render.ts';

const fixtures = new URL('../fixtures/pipeline/', import.meta.url);

async function html(value: string, processor = createProcessor()): Promise<string> {
  return (await renderMarkdown(new VFile({ path: 'example.md', value }), processor)).html;
}

function fixture(name: string): string {
  return readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8');
}

/** Every `href` and `src` in a piece of HTML. */
function urls(markup: string): string[] {
  const $ = load(markup);
  return $('[href], [src]')
    .toArray()
    .flatMap((element) => [$(element).attr('href'), $(element).attr('src')])
    .filter((url): url is string => url !== undefined);
}

// Browsers ignore leading spaces and control characters, then read the scheme case-insensitively.
const dangerousUrl = /^[\u0000-\u0020]*(?:javascript|vbscript|data):/i;

describe('dangerous URLs', () => {
  it('should drop every javascript:, vbscript: and data: href and src but keep the link text', async () => {
    const output = await html(fixture('dangerous-links'));
    expect(urls(output).filter((url) => dangerousUrl.test(url) || /script|%09|%0a/i.test(url))).toEqual([]);
    const $ = load(output);
    for (const text of ['plain', 'upper', 'tab entity', 'decimal entity', 'vbscript', 'data', 'ref js', 'ref entity']) {
      expect($('a').filter((_, a) => $(a).text() === text).length, text).toBe(1);
    }
  });

  it('should keep relative, fragment, http, https and mailto URLs', async () => {
    const kept = urls(await html(fixture('dangerous-links')));
    expect(kept).toEqual(
      expect.arrayContaining(['/2025/01/02/x/', '#frag', '../x', 'http://example.com/a', 'https://example.com/b']),
    );
    expect(kept).toEqual(expect.arrayContaining(['mailto:desk@example.com', '/images/photo.jpg']));
  });

  it('should never emit markup that runs script, whatever the editor writes', async () => {
    const pieces = [
      '<script>x</script>', '<img src=x onerror=y>', '[a](javascript:b)', '![a](data:text/html,b)', '<iframe>',
      '&#106;avascript:', '"', "'", '--', '*', '_', '`', '[^1]', '\n\n', '\n', '# ', '> ', '- ', '| a |\n|---|\n',
      '[x]: javascript:y\n', '[x]', '<', '>', '(', ')', '[', ']', ' ', 'text', '<svg onload=z>', '<!--', '-->',
      '{{ 7*7 }}', '\u0000', '\b', 'é',
    ];
    const processor = createProcessor();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), async (parts) => {
        const output = await html(parts.join(''), processor);
        const $ = load(output);
        expect($('script, iframe, svg, object, embed, style').length).toBe(0);
        const elements = $('*').toArray();
        const attributes = elements.flatMap((element) => ('attribs' in element ? Object.keys(element.attribs) : []));
        expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
        expect(urls(output).filter((url) => dangerousUrl.test(url))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('template syntax', () => {
  it('should show Nunjucks and Liquid tags as text, without running them', async () => {
    const text = load(await html(fixture('template-syntax'))).text();
    expect(text).toContain('{{ 7*7 }}');
    expect(text).toContain('{{ site.secret }}');
    expect(text).toContain('{% raw %}{{ page.url }}{% endraw %}');
    // Typography curls the quotes in running text; code keeps them straight.
    expect(text).toContain('{% include “/etc/passwd” %}');
    expect(text).toContain('{% include "/etc/passwd" %}');
    expect(text).not.toContain('49');
  });
});

describe('footnotes and ids', () => {
  it('should point every in-page href at an id that exists, and keep ids unique', async () => {
    const source = `${fixture('footnotes')}\n${fixture('basic-article')}\n## Footnotes\n\n## User content fn 1\n`;
    const $ = load(await html(source));
    const ids = $('[id]').toArray().map((element) => $(element).attr('id'));
    expect(new Set(ids).size).toBe(ids.length);
    const targets = $('a[href^="#"]').toArray().map((a) => $(a).attr('href')?.slice(1));
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((target) => !ids.includes(target))).toEqual([]);
    expect(ids.filter((id) => id?.includes('user-content-user-content'))).toEqual([]);
  });

  it('should label the footnote section with an h2 the footnote references describe themselves by', async () => {
    const $ = load(await html(fixture('footnotes')));
    expect($('section.footnotes > h2#footnote-label').text()).toBe('Footnotes');
    expect($('a[data-footnote-ref]').first().attr('aria-describedby')).toBe('footnote-label');
  });

  it('should give clean slugs to headings', async () => {
    const output = await html('## Budget talks\n\n## Zoë\'s Łódź plan');
    expect(output).toContain('<h2 id="budget-talks">');
    expect(output).toContain('<h2 id="zoës-łódź-plan">');
  });
});

describe('external links', () => {
  it('should add rel=noopener noreferrer to links to other sites only', async () => {
    const $ = load(await html(fixture('external-links'), createProcessor({ internalHosts: ['news.example.com'] })));
    const rel = Object.fromEntries($('a').toArray().map((a) => [$(a).text(), $(a).attr('rel') ?? '']));
    expect(rel).toMatchObject({
      'Other site': 'noopener noreferrer',
      insecure: 'noopener noreferrer',
      'protocol-relative': 'noopener noreferrer',
      'same site': '',
      relative: '',
      fragment: '',
      mail: '',
    });
  });

  it('should decide what is external by resolving the URL', () => {
    const external = ['https://a.example/', 'http://a.example', '//a.example/x', 'HTTPS://a.example', '/\\a.example'];
    expect(external.filter((url) => !isExternal(url))).toEqual([]);
    const internal = ['/x', '#y', '../z', 'mailto:a@b.example', 'https://news.example.com/x', 'javascript:x'];
    expect(internal.filter((url) => isExternal(url, ['news.example.com']))).toEqual([]);
  });

  it('should throw at once when `internalHosts` holds a URL instead of a host name', () => {
    expect(() => createProcessor({ internalHosts: ['https://news.example.com/'] })).toThrow(
      'Expected `internalHosts` to hold host names such as `news.example.com`, not `https://news.example.com/`.',
    );
  });
});
