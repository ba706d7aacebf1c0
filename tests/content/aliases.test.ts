import { describe, expect, it } from 'vitest';
import { article, load, loadError } from '../helpers/content.ts';

const withAliases = (...aliases: string[]) =>
  article({ title: 'Ferry fares rise', date: '2025-03-04', extra: [`aliases: [${aliases.map((alias) => JSON.stringify(alias)).join(', ')}]`] });

describe('aliases', () => {
  it('should publish an old address without a trailing slash or extension as a folder', async () => {
    const { content } = await load({ articles: { 'a.md': withAliases('/news/old-story', '/old/index.html', '/old.html') } });
    expect(content.articles[0]?.aliases).toEqual(['/news/old-story/', '/old/', '/old.html']);
  });

  it.each(['/feed.xml/', '/robots.txt/x', '/feed.xml', '/2025/', '/tags/x/', '/'])('should refuse `%s`, an address the site itself uses', async (alias) => {
    const error = await loadError({ articles: { 'a.md': withAliases(alias) } });
    const [message] = error.files.flatMap((file) => file.messages);
    expect(message).toMatchObject({ ruleId: 'alias-reserved', line: 5 });
  });
});

describe('dates that look right but are not', () => {
  it.each(['0099-06-01', '2025-06-01T10:00:00+99:99'])('should refuse `%s` at its line', async (date) => {
    const error = await loadError({ articles: { 'a.md': article({ date: `"${date}"` }) } });
    expect(error.files.flatMap((file) => file.messages)).toMatchObject([{ ruleId: 'invalid-field', line: 3 }]);
  });
});
