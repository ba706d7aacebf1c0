import { describe, expect, it } from 'vitest';
import { readByline } from '../../src/import/byline.ts';
import { mergeTags, readTags } from '../../src/import/tags.ts';

describe('readByline', () => {
  it.each([
    ['Ana Ruiz and Li Wei', ['Ana Ruiz', 'Li Wei']],
    ['A. Baker, C. Diaz & E. Fox', ['A. Baker', 'C. Diaz', 'E. Fox']],
    ['Ana Ruiz, Li Wei, and Sam Ode', ['Ana Ruiz', 'Li Wei', 'Sam Ode']],
    ['By Ana Ruiz', ['Ana Ruiz']],
    ['Martin King, Jr. and Ana Ruiz', ['Martin King, Jr.', 'Ana Ruiz']],
    ['Alexander Anderson', ['Alexander Anderson']],
  ])('should read `%s` as %j', (written, names) => {
    expect(readByline(written).names).toEqual(names);
  });

  it('should take list items as one person each, and records by their `name`', () => {
    expect(readByline(['Ruiz and Partners', { name: 'Li Wei', email: 'li@example.org' }])).toEqual({ names: ['Ruiz and Partners', 'Li Wei'], split: [] });
  });

  it('should report each string it split', () => {
    expect(readByline('Ana Ruiz & Li Wei').split).toEqual([{ written: 'Ana Ruiz & Li Wei', names: ['Ana Ruiz', 'Li Wei'] }]);
  });
});

describe('readTags and mergeTags', () => {
  it('should split strings as the format does, but never list items', () => {
    expect(readTags('politics budget', 'space')).toEqual(['politics', 'budget']);
    expect(readTags('market, food, town square', 'comma')).toEqual(['market', 'food', 'town square']);
    expect(readTags('Foreign Policy', 'none')).toEqual(['Foreign Policy']);
    expect(readTags(['Foreign Policy', 2024], 'space')).toEqual(['Foreign Policy', '2024']);
  });

  it('should hand back the items that are not text, such as YAML’s `yes`', () => {
    const rejected: unknown[] = [];
    expect(readTags(['Budget', true, { name: 'x' }], 'none', rejected)).toEqual(['Budget']);
    expect(rejected).toEqual([true, { name: 'x' }]);
  });

  it('should keep the first spelling of tags that share a topic page', () => {
    expect(mergeTags([['Foreign Policy', 'Budget'], ['foreign-policy', 'Zoë', 'Zoe']])).toEqual(['Foreign Policy', 'Budget', 'Zoë', 'Zoe']);
  });
});
