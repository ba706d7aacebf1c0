import { describe, expect, it } from 'vitest';
import { convertBody } from '../../src/import/body.ts';

const convert = (lines: string[], firstLine = 1) => {
  const { text, findings } = convertBody(lines.join('\n'), firstLine);
  return { text, found: findings.map((item) => `${item.ruleId}@${item.line}`), findings };
};

describe('convertBody', () => {
  it('should give findings the source file’s line numbers', () => {
    expect(convert(['Intro.', '', '{% include card.html %}'], 7).found).toEqual(['liquid-tag@9']);
  });

  it('should use a longer fence when the highlighted code contains one', () => {
    const { text } = convert(['{% highlight markdown %}', '```js', 'x()', '```', '{% endhighlight %}']);
    expect(text).toBe('````markdown\n```js\nx()\n```\n````');
  });

  it('should leave an unclosed highlight as it is, with a warning', () => {
    const { text, found } = convert(['{% highlight ruby %}', 'puts 1']);
    expect(text).toBe('{% highlight ruby %}\nputs 1');
    expect(found).toEqual(['highlight-unclosed@1']);
  });

  it('should remove inline raw tags and not list what they protected', () => {
    const { text, found } = convert(['Write {% raw %}{{ page.title }}{% endraw %} in a layout.']);
    expect(text).toBe('Write {{ page.title }} in a layout.');
    expect(found).toEqual(['raw-removed@1', 'raw-removed@1']);
  });

  it('should list Liquid inside code, since the old site still ran it there', () => {
    const { findings } = convert(['```', '{{ site.title }}', '```']);
    expect(findings).toMatchObject([{ ruleId: 'template-expression', line: 2, message: expect.stringContaining('inside a code block') }]);
  });

  it('should list an opening Liquid block once, not its `else` and `end` tags', () => {
    expect(convert(['{% if page.video %}', 'Watch.', '{% else %}', 'Read.', '{% endif %}']).found).toEqual(['liquid-tag@1']);
  });

  it('should list an opening shortcode, not its closing one', () => {
    expect(convert(['{{< figure src="a.jpg" >}}', '{{% note %}}', 'Text', '{{% /note %}}']).found).toEqual(['shortcode@1', 'shortcode@2']);
  });

  it('should list an HTML block once, and not HTML inside code, inline HTML or autolinks', () => {
    const { found } = convert([
      '<figure>',
      '  <img src="a.jpg">',
      '</figure>',
      '',
      'A <b>bold</b> claim, see <https://example.org>.',
      '',
      '```html',
      '<div>example</div>',
      '```',
      '',
      '    <div>indented code</div>',
    ]);
    expect(found).toEqual(['raw-html@1']);
  });

  it('should list MDX `export` lines and components, but not components in inline code', () => {
    expect(convert(['export const meta = {}', '', 'See <Tabs.Item label="a">x</Tabs.Item> and `<Note/>`.']).found).toEqual(['mdx-import@1', 'mdx-component@3']);
  });

  it('should leave a body without template syntax exactly as it was', () => {
    const body = ['Plain *Markdown* with a [link](https://example.org).', '', '> A quote.', '', '- a list', ''];
    expect(convert(body)).toEqual({ text: body.join('\n'), found: [], findings: [] });
  });
});
