/**
 * The content blockers' lists most visitors have: EasyList, EasyPrivacy and uBlock Origin's own.
 * They are not shipped (their licences are not the package's): the check downloads them from
 * where the blockers do, or reads a folder of `.txt` lists given with `--filter-lists`.
 */
export declare const FILTER_LIST_URLS: readonly string[];
/** Where the lists come from: a folder of `.txt` files, or the URLs above. */
export type FilterListSource = {
    dir: string;
} | {
    urls: readonly string[];
};
/** Says which rule blocks a URL, or null when none does. */
export type BlockedBy = (url: string, type: 'script' | 'ping' | 'xmlhttprequest', pageUrl: string) => string | null;
/** The blockers' verdict function for these lists; parsed once per source and process. */
export declare function loadFilterLists(source: FilterListSource, timeoutMs?: number): Promise<BlockedBy>;
