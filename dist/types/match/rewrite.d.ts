/**
 * Messenger-link rewriting, as pure string work: no DOM, no URL object. `new URL()` and
 * URLSearchParams re-encode the whole link (`+` becomes `%2B`, `'` becomes `%27`, the host is
 * lower-cased), which would change bytes the business chose; here the link is split by hand
 * and only the carrier parameter is replaced or appended.
 */
import { type ChatIdFormat } from './format.js';
/** The messenger a link opens. */
export type Platform = 'telegram' | 'whatsapp' | 'viber';
/** The messenger, and the query parameter that carries the chat ID. */
export type LinkKind = [platform: Platform, carrier: 'start' | 'text' | 'draft' | 'context'];
export interface RewriteOptions {
    /** The visitor's chat ID. */
    id: string;
    /** The chat-ID format, to recognise an earlier or another ID in an existing value. */
    format: ChatIdFormat;
    /** First-message template with `{id}` and optionally `{text}` (the link's own text). */
    message: string;
    /** Stands in for an empty link text (a short greeting); empty for custom templates. */
    greeting?: string;
    /** Extra Telegram bot usernames that do not end in `bot`, any case. */
    bots?: string[];
}
/** IDs of the format not glued to other letters or digits (`_` and `-` separate, as in `promo-CT7KQ2M9XA`). */
export declare const idPattern: (format: ChatIdFormat) => RegExp;
/** The first message: the link's own text (or the greeting) and the tag, per the template. */
export declare function renderMessage(template: string, text: string, id: string, greeting?: string): string;
/**
 * Which messenger a link opens and which parameter carries the chat ID; undefined for every
 * link to leave alone (invites, posts, share links, invalid usernames, other sites).
 * @example
 * classify('https://wa.me/79161234567') // ['whatsapp', 'text']
 */
export declare const classify: (url: string, bots?: string[]) => LinkKind | undefined;
/** Rewrites links for one set of options; see `rewriter`. */
export type Rewriter = (url: string) => [url: string, kind?: LinkKind];
/**
 * A function that writes the chat ID into a messenger link and says what kind of link it is.
 * It returns every other link, and any link it cannot handle (such as one whose carrier value
 * has malformed percent-encoding), exactly as given; given its own output, it returns that
 * output. The new carrier value depends only on the old one, and pages repeat a few texts over
 * many links, so each is worked out once.
 */
export declare function rewriter(o: RewriteOptions): Rewriter;
/**
 * Writes the chat ID into a messenger link; returns every other link, and any link it cannot
 * handle, exactly as given. A second call with the same ID returns its input. For many links,
 * make one `rewriter(options)` and call it instead: it compiles and caches once.
 * @example
 * rewrite('https://t.me/shop_bot', opts) // 'https://t.me/shop_bot?start=CT7KQ2M9XA'
 */
export declare const rewrite: (url: string, o: RewriteOptions) => string;
