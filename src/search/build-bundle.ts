/**
 * Builds one year's Pagefind bundle from its documents, as custom records: Pagefind never reads
 * the HTML pages, which is what made indexing the whole written site slow and memory-hungry.
 */
import type { PagefindIndex } from 'pagefind';
import type { PagefindService } from './pagefind-services.ts';
import { SearchIndexError } from './search-index-error.ts';
import type { Shard } from './shards.ts';

/**
 * Index one shard and write its bundle.
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
  const created = await service.createIndex({}).catch((error: unknown) => fail('start', error));
  if (created.errors.length || !created.index) fail('start', created.errors);
  const index: PagefindIndex = created.index!;
  try {
    // All at once: the relay thread feeds them to the process however busy this thread is.
    const added = await Promise.all(
      shard.documents.map((document) =>
        index.addCustomRecord({
          url: document.url,
          content: document.text,
          language,
          meta: { title: document.title, date: document.displayDate, author: document.authors.join(', ') },
          filters: { tag: document.tags, author: document.authors, year: [String(document.year)] },
          sort: { date: document.date },
        }),
      ),
    ).catch((error: unknown) => fail('index the stories', error));
    const errors = added.flatMap((result) => result.errors);
    if (errors.length) fail('index the stories', errors);
    const written = await index.writeFiles({ outputPath }).catch((error: unknown) => fail('write the bundle', error));
    if (written.errors.length) fail('write the bundle', written.errors);
  } finally {
    // Frees the year's index inside the service before it starts on the next one.
    await index.deleteIndex().catch(() => undefined);
  }
}
