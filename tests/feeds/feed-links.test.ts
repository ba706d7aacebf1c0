import { describe, expect, it } from 'vitest';
import { feedLinks } from '../../src/feeds/feed-links.ts';
import { author, site, tag } from '../helpers/sample.ts';

const SITE_LINKS = [
  { href: '/feed.xml', type: 'application/rss+xml', title: 'The Sample Ledger (RSS)' },
  { href: '/atom.xml', type: 'application/atom+xml', title: 'The Sample Ledger (Atom)' },
  { href: '/feed.json', type: 'application/feed+json', title: 'The Sample Ledger (JSON Feed)' },
];

describe('feedLinks', () => {
  it('should advertise the site RSS, Atom and JSON feeds on every page', () => {
    expect(feedLinks(site)).toEqual(SITE_LINKS);
    expect(feedLinks(site, {})).toEqual(SITE_LINKS);
  });

  it('should add the tag feed on a tag page', () => {
    expect(feedLinks(site, { tag: tag('Elections') })).toEqual([
      ...SITE_LINKS,
      { href: '/tags/elections/feed.xml', type: 'application/rss+xml', title: 'The Sample Ledger: Elections (RSS)' },
    ]);
  });

  it('should add the author feed on an author page', () => {
    expect(feedLinks(site, { author: author('Priya Raman') })).toEqual([
      ...SITE_LINKS,
      { href: '/authors/priya-raman/feed.xml', type: 'application/rss+xml', title: 'The Sample Ledger: Priya Raman (RSS)' },
    ]);
  });
});
