/**
 * The page address a pairing carries. It is stored, shown and sent to Metrica's `URL` column, so
 * it is personal data when its query holds any (`?email=…` from a mail link). The fragment is
 * always dropped: it is not a new page view, and may hold a token (OAuth's implicit flow).
 */
/**
 * `url` without its fragment and, given `keep`, with only the query parameters it names, in
 * their order and spelling (names compared as written in the URL; an empty list keeps none).
 * @example
 * pageAddress('https://shop.example/?email=a@b.c&utm_source=direct#top', ['utm_source'])
 * // 'https://shop.example/?utm_source=direct'
 */
export declare const pageAddress: (url: string, keep?: string[]) => string;
