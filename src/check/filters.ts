import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FiltersEngine } from '@ghostery/adblocker';

/**
 * The content blockers' lists most visitors have: EasyList, EasyPrivacy and uBlock Origin's own.
 * They are not shipped (their licences are not the package's): the check downloads them from
 * where the blockers do, or reads a folder of `.txt` lists given with `--filter-lists`.
 */
export const FILTER_LIST_URLS: readonly string[] = [
  'https://easylist.to/easylist/easylist.txt',
  'https://easylist.to/easylist/easyprivacy.txt',
  'https://ublockorigin.github.io/uAssets/filters/filters.txt',
  'https://ublockorigin.github.io/uAssets/filters/privacy.txt',
];

/** Where the lists come from: a folder of `.txt` files, or the URLs above. */
export type FilterListSource = { dir: string } | { urls: readonly string[] };

/** Says which rule blocks a URL, or null when none does. */
export type BlockedBy = (url: string, type: 'script' | 'ping' | 'xmlhttprequest', pageUrl: string) => string | null;

async function listTexts(source: FilterListSource, timeoutMs: number): Promise<string[]> {
  if ('dir' in source) {
    let files: string[];
    try {
      files = (await readdir(source.dir)).filter((f) => f.endsWith('.txt')).sort();
    } catch (error) {
      throw new Error(`cannot read the filter-list folder ${source.dir}: ${(error as Error).message}`);
    }
    if (files.length === 0) throw new Error(`no .txt filter lists in ${source.dir}`);
    return Promise.all(files.map((f) => readFile(join(source.dir, f), 'utf8')));
  }
  return Promise.all(
    source.urls.map(async (url) => {
      let res: Response;
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new Error(`cannot download ${url}: ${(error as Error).message}`);
      }
      if (!res.ok) throw new Error(`cannot download ${url}: HTTP ${res.status}`);
      return res.text();
    }),
  );
}

// Parsing the lists takes about a second; a long-running collector parses them once.
const engines = new Map<string, Promise<FiltersEngine>>();

/** The blockers' verdict function for these lists; parsed once per source and process. */
export async function loadFilterLists(source: FilterListSource, timeoutMs = 20_000): Promise<BlockedBy> {
  const key = JSON.stringify(source);
  let engine = engines.get(key);
  if (!engine) {
    engine = (async () => {
      const { FiltersEngine } = await import('@ghostery/adblocker');
      const texts = await listTexts(source, timeoutMs);
      // Element hiding does not apply to a URL; only network rules are needed.
      return FiltersEngine.parse(texts.join('\n'), { loadCosmeticFilters: false });
    })();
    engines.set(key, engine);
    // A failed download is tried again next time rather than remembered.
    engine.catch(() => engines.delete(key));
  }
  const ready = await engine;
  const { Request } = await import('@ghostery/adblocker');
  return (url, type, pageUrl) => {
    const result = ready.match(Request.fromRawDetails({ type, url, sourceUrl: pageUrl }));
    return result.match ? (result.filter?.toString() ?? 'a filter rule') : null;
  };
}
