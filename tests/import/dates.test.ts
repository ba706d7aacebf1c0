import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { normalizeDate, splitFileName } from '../../src/import/dates.ts';

describe('normalizeDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T14:30:00+01:00', '2024-03-05T14:30:00+01:00'],
    ['2024-03-05T14:30Z', '2024-03-05T14:30Z'],
    ['2024-03-05T14:30:00.250-04:00', '2024-03-05T14:30:00.250-04:00'],
  ])('should keep `%s` as written', (written, expected) => {
    expect(normalizeDate(written)).toEqual({ date: expected });
  });

  it.each([
    ['2024-03-05 14:30:00 +0100', '2024-03-05T14:30:00+01:00'],
    ['2024-03-05 14:30:00 -0430', '2024-03-05T14:30:00-04:30'],
    ['2024-03-05 14:30 +01', '2024-03-05T14:30:00+01:00'],
    ['2024-03-05 14:30:00 UTC', '2024-03-05T14:30:00Z'],
    ['2024-3-5', '2024-03-05'],
    ['2024-03-05 9:05', '2024-03-05T09:05:00'],
  ])('should rewrite `%s` as `%s`', (written, expected) => {
    expect(normalizeDate(written)).toEqual({ date: expected });
  });

  it('should keep TOML dates as they were written: with offset, local, or date-only', () => {
    const toml = parse('a = 2024-03-05T14:30:00+01:00\nb = 2024-03-05T14:30:00\nc = 2024-03-05');
    expect([toml.a, toml.b, toml.c].map(normalizeDate)).toEqual([
      { date: '2024-03-05T14:30:00+01:00' },
      { date: '2024-03-05T14:30:00' },
      { date: '2024-03-05' },
    ]);
  });

  it('should refuse impossible and unreadable dates with a reason', () => {
    expect(normalizeDate('2025-02-30')).toEqual({ error: expect.stringContaining('not a real calendar date') });
    expect(normalizeDate('March 5, 2024')).toEqual({ error: '`March 5, 2024` is not a date the importer can read' });
    expect(normalizeDate(20240305)).toEqual({ error: '`20240305` is not a date' });
  });
});

describe('splitFileName', () => {
  it('should split a Jekyll file name into date and name', () => {
    expect(splitFileName('2024-03-05-budget-vote')).toEqual({ date: '2024-03-05', name: 'budget-vote' });
    expect(splitFileName('ferry-timetable')).toEqual({ name: 'ferry-timetable' });
  });
});
