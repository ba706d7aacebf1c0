/**
 * remark-typography must give exactly what remark-smartypants (`dashes: 'oldschool'`) gives:
 * the processor switched to it on that condition.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { remarkTypography } from '../../src/pipeline/remark-typography.ts';

const reference = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants, { dashes: 'oldschool' }).freeze();
const ours = unified().use(remarkParse).use(remarkGfm).use(remarkTypography).freeze();

/** The mdast after each plugin, without positions. */
function both(markdown: string): [string, string] {
  const json = (tree: unknown) => JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
  return [json(ours.runSync(ours.parse(markdown))), json(reference.runSync(reference.parse(markdown)))];
}

/** The text of a one-paragraph document after remark-typography. */
function typeset(markdown: string): string {
  const tree = ours.runSync(ours.parse(markdown)) as Root;
  const paragraph = tree.children[0];
  return paragraph?.type === 'paragraph' ? paragraph.children.map((child) => ('value' in child ? child.value : '')).join('') : '';
}

const fixtures = new URL('../fixtures/pipeline/', import.meta.url);
const tricky = [
  `"Hello," she said. "It's 'fine'."`,
  `the '90s and '80s-style rock'n'roll, Rock 'n' roll, 'Tis the season`,
  `He said, "'Quoted' words in a larger quote."`,
  `"[A link](https://example.com)" and "*emphasis*" and "\`code\`" and "**strong**"`,
  `Don't 'quote' me -- or --- do... . . . ok. Wait. . . what? Wait. . .What`,
  `"Really?" "Yes!" He said."Hi" etc."quoted" U.S. . . . 's. 'sblah`,
  `5'10" tall, Jones' car, the Joneses' house, 's-Hertogenbosch, O'Neil & O'Brien's 'AT&T'`,
  `''double'' and \`\`back\`\` and "--" and '--' and 2025--26 and 1990s–2000s`,
  `km/h and w/o and and/or, e.g. 'this', i.e. "that", cf. 'those'`,
  `"Zoë's" Ça 'va' "très" bien, "emoji 🎉" and '🎉'`,
  `- "list"\n- 'item'\n\n> "quote"\n> 'inner'\n\n| "a" | 'b' |\n|---|---|\n| "c" | 'd' |\n\n# "Heading" 'x'`,
  `"Multi\nline" 'para\ngraph' she said.\n"Next` + `" line`,
];

describe('remark-typography', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(readdirSync(fixtures).sort())('should equal remark-smartypants on the `%s` fixture', (name) => {
    const [actual, expected] = both(readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8'));
    expect(actual).toBe(expected);
  });

  it.each(tricky)('should equal remark-smartypants on %j', (markdown) => {
    const [actual, expected] = both(markdown);
    expect(actual).toBe(expected);
  });

  it('should equal remark-smartypants on random prose', () => {
    const atoms = ['word', 'Word', "don't", "'90s", 'U.S.', 'etc', ' ', ' ', '\n', '"', "'", '.', '...', '. . .', '--', '---', ',', '?', '!', '(', ')', '*', '`x`', '&', '/', '🎉', 'é', '42'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { maxLength: 30 }), (parts) => {
        const [actual, expected] = both(parts.join(''));
        expect(actual).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('should turn an en dash followed by a hyphen into an em dash, as retext-smartypants does', () => {
    // retext-smartypants logs `drop` to the console for this input; keep the test output clean.
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const [actual, expected] = both('2025–-26');
    expect(actual).toBe(expected);
    expect(typeset('2025–-26')).toBe('2025—26');
  });

  it('should make quotes, apostrophes, dashes and ellipses typographic', () => {
    expect(typeset(`"It's the '90s -- or the 2000s --- isn't it..." she asked.`)).toBe(
      '“It’s the ’90s – or the 2000s — isn’t it…” she asked.',
    );
  });

  it('should leave code alone', () => {
    const tree = ours.runSync(ours.parse('`"a" -- b...`\n\n```\n"a" -- b...\n```'));
    expect(JSON.stringify(tree)).toContain('"value":"\\"a\\" -- b..."');
    expect(JSON.stringify(tree)).not.toMatch(/[“”–…]/);
  });
});
