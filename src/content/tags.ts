/**
 * Groups tags by slug across the archive. Spellings that differ only in case or punctuation share
 * one page, shown with the most common spelling; different words whose slugs collide are an error.
 */
import { report } from '../errors/report.ts';
import type { Entry } from './read-entries.ts';
import type { Tag } from './model.ts';
import type { ArticleFrontmatter } from './schema.ts';
import { spellingKey, toSlug } from './slug.ts';

/**
 * Resolve each article's tags, reporting unusable and colliding tags on the files that use them.
 *
 * @param entries Validated articles.
 * @returns The tags of each article, deduplicated, in the order written.
 */
export function resolveTags(entries: ReadonlyArray<Entry<ArticleFrontmatter>>): Map<Entry<ArticleFrontmatter>, Tag[]> {
  // slug → spelling → how often it is used
  const spellings = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    entry.data.tags.forEach((name, index) => {
      const slug = toSlug(name);
      if (!slug) {
        report(entry.file, 'tag-unusable', entry.places.get(`tags.${index}`) ?? entry.places.get('tags'), name);
        return;
      }
      const counts = spellings.get(slug) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(slug, counts);
    });
  }

  const tags = new Map<string, Tag>();
  const collisions = new Map<string, string>();
  for (const [slug, counts] of spellings) {
    const keys = new Set([...counts.keys()].map(spellingKey));
    if (keys.size > 1) collisions.set(slug, [...counts.keys()].map((name) => `\`${name}\``).join(' and '));
    // Most used spelling wins; ties go to the alphabetically first, so builds are stable.
    const [name] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    tags.set(slug, { name, slug, url: `/tags/${slug}/` });
  }

  const result = new Map<Entry<ArticleFrontmatter>, Tag[]>();
  for (const entry of entries) {
    const own = new Map<string, Tag>();
    entry.data.tags.forEach((name, index) => {
      const slug = toSlug(name);
      const place = entry.places.get(`tags.${index}`) ?? entry.places.get('tags');
      const collision = collisions.get(slug);
      const tag = tags.get(slug);
      if (collision) report(entry.file, 'tag-collision', place, slug, collision);
      else if (tag && tag.name !== name) report(entry.file, 'tag-spelling', place, name, tag.name);
      if (tag) own.set(slug, tag);
    });
    result.set(entry, [...own.values()]);
  }
  return result;
}
