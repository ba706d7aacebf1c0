/**
 * Decides where each imported article goes, so that no two share an address, an old URL or a file:
 * `<YYYY>/<slug>.md`, with `-2`, `-3`, … where an earlier post of the same import took the name.
 */
import { finding } from './messages.ts';
import type { ArticleFields, Finding } from './model.ts';

/** Places articles one after another; the first post to claim a name keeps it. */
export type Place = (article: ArticleFields, slug: string, source: string, findings: Finding[]) => string;

/**
 * Start placing the articles of one import.
 *
 * @returns A function that takes a mapped article (and may change its `slug` and `aliases`, with a
 *   finding each time), and returns its file path below the output folder, `YYYY/<name>.md`.
 */
export function createPlacement(): Place {
  const files = new Map<string, string>(); // `YYYY/name`, lowercase for case-insensitive disks → source
  const addresses = new Map<string, string>(); // new and old URLs → source

  return (article, wanted, source, findings) => {
    // Two posts on one day with one slug would share an address: the second gets `-2`.
    const day = `/${article.date.slice(0, 10).replaceAll('-', '/')}/`;
    let slug = wanted;
    for (let n = 2; addresses.has(`${day}${slug}/`); n++) slug = `${wanted}-${n}`;
    if (slug !== wanted) findings.push(finding('slug-changed', undefined, wanted, addresses.get(`${day}${wanted}/`)!, slug));
    addresses.set(`${day}${slug}/`, source);

    // An old URL can redirect to one article only.
    const aliases = (article.aliases ?? []).filter((alias) => {
      const other = addresses.get(alias);
      if (other) findings.push(finding('alias-dropped', undefined, alias, `\`${other}\` has the same address`));
      else addresses.set(alias, source);
      return !other;
    });
    if (aliases.length > 0) article.aliases = aliases;
    else delete article.aliases;

    // One slug on different days: one file name in the year's folder, so the file is renamed and
    // a `slug` field keeps the address.
    const year = article.date.slice(0, 4);
    let name = slug;
    for (let n = 2; files.has(`${year}/${name}`.toLowerCase()); n++) name = `${slug}-${n}`;
    if (name !== slug) {
      article.slug = slug;
      findings.push(finding('file-renamed', undefined, `${name}.md`, files.get(`${year}/${slug}`.toLowerCase())!));
    }
    files.set(`${year}/${name}`.toLowerCase(), source);
    return `${year}/${name}.md`;
  };
}
