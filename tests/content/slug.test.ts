import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../src/content/schema.ts';
import { spellingKey, toSlug } from '../../src/content/slug.ts';

describe('toSlug', () => {
  it.each([
    ['U.S. Military', 'us-military'],
    ['Foreign Policy', 'foreign-policy'],
    ['  Hello   World  ', 'hello-world'],
    ["Children's Health", 'childrens-health'],
    ['Children’s Health', 'childrens-health'],
    ['COVID-19', 'covid-19'],
    ['n/a', 'n-a'],
    ['CamelCase', 'camelcase'],
  ])('should turn %j into %j', (name, slug) => {
    expect(toSlug(name)).toBe(slug);
  });

  it.each([
    ['Łódź', 'lodz'],
    ['Zoë', 'zoe'],
    ['Straße', 'strasse'],
    ['Ærø', 'aero'],
    ['Ελλάδα', 'ellada'],
    ['Москва', 'moskva'],
  ])('should transliterate %j to ASCII %j', (name, slug) => {
    expect(toSlug(name)).toBe(slug);
  });

  it('should give the same slug to composed and decomposed accents', () => {
    expect(toSlug('caf\u00e9')).toBe('cafe');
    expect(toSlug('cafe\u0301')).toBe('cafe');
  });

  it('should give an empty slug for a name without letters or digits', () => {
    expect(toSlug('🎉')).toBe('');
    expect(toSlug('—')).toBe('');
  });

  it('should drop an emoji next to words', () => {
    expect(toSlug('🎉 Party')).toBe('party');
  });

  it('should only ever make slugs that the slug pattern accepts', () => {
    for (const name of ['U.S. Military', 'Łódź', '--a--b--', 'Ünïcödé Têxt', 'x_y', 'A & B', '2025: review']) {
      expect(toSlug(name)).toMatch(SLUG_PATTERN);
    }
  });
});

describe('spellingKey', () => {
  it('should give one key to spellings that differ in case, spacing or punctuation', () => {
    const keys = new Set(['Foreign Policy', 'foreign policy', 'Foreign-Policy', 'FOREIGN_POLICY', ' foreign  policy '].map(spellingKey));
    expect([...keys]).toEqual(['foreignpolicy']);
  });

  it('should keep spellings with different letters apart even when their slugs are equal', () => {
    expect(toSlug('Zoë')).toBe(toSlug('Zoe'));
    expect(spellingKey('Zoë')).not.toBe(spellingKey('Zoe'));
  });

  it('should give composed and decomposed accents the same key', () => {
    expect(spellingKey('Zo\u00eb')).toBe(spellingKey('Zoe\u0308'));
  });
});
