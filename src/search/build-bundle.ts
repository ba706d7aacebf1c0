/**
 * Builds one year's Pagefind bundle from its documents, as custom records: Pagefind never reads
 * the HTML pages, which is what made indexing the whole written site slow and memory-hungry.
 */
import type { PagefindService } from './pagefind-services.ts';
import { SearchIndexError } from './search-index-error.ts';
import type { Shard } from './shards.ts';

/**
 * Index one shard and write its bundle, in one call to the service: the relay thread does the
 * steps, so the main thread is not needed between them.
 *
 * @param service The Pagefind instance to use (its own process).
 * @param shard The year's documents.
 * @param outputPath The bundle folder, `<site>/pagefind/<year>/`.
 * @param language The records' language, such as `en`.
 * @throws SearchIndexError When Pagefind reports an error; it names the year and the folder.
 */
export async function buildBundle(service: PagefindService, shard: Shard, outputPath: string, language: string): Promise<void> {
  const fail = (step: string, detail: unknown): never => {
    const reason = Array.isArray(detail) ? detail.join('; ') : detail instanceof Error ? detail.message : String(detail);
    throw new SearchIndexError(
      `Pagefind could not ${step} for the ${shard.name} search index in \`${outputPath}\`: ${reason}. The site was not published; fix the cause and build again.`,
      { cause: detail },
    );
  };
  const records = shard.documents.map((document) => ({
    url: document.url,
    content: document.text,
    language,
    meta: { title: document.title, date: document.displayDate, author: document.authors.join(', ') },
    filters: { tag: document.tags, author: document.authors, year: [String(document.year)] },
    sort: { date: document.date },
  }));
  const built = await service.buildBundle(records, outputPath).catch((error: unknown) => fail('build the bundle', error));
  if (built.errors.length) fail(built.step ?? 'build the bundle', built.errors);
}
