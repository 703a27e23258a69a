import { type LinkKind } from '../match/rewrite.js';
/** A link name: the last path segment of `/go/NAME`. */
export declare const LINK_NAME: RegExp;
export interface BridgeLink {
    /** `[a-z0-9-]{1,32}`. */
    name: string;
    /** The messenger URL exactly as configured. */
    url: string;
    /** The messenger, and the query parameter that will carry the chat ID. */
    kind: LinkKind;
}
/** A bridge link that cannot be served; the message names the value and says what was expected. */
export declare class LinkConfigError extends Error {
    name: string;
}
/**
 * Why the rules cannot carry a chat ID in this URL, or null when they can.
 * @example
 * linkProblem('https://t.me/+AbCdEf123') // 'it is an invite link, …'
 */
export declare function linkProblem(url: string): string | null;
/**
 * Splits one `NAME=URL` pair (a `--link` flag or an entry of `METRICA_CHATS_LINKS`).
 * @example
 * parseLinkSpec('promo=https://t.me/shop_bot') // ['promo', 'https://t.me/shop_bot']
 */
export declare function parseLinkSpec(spec: string): [name: string, url: string];
/**
 * Checks a link's name and URL. Throws LinkConfigError naming the link and the reason.
 * @example
 * checkLink('promo', 'https://t.me/shop_bot') // { name: 'promo', url: 'https://t.me/shop_bot', kind: ['telegram', 'start'] }
 */
export declare function checkLink(name: string, url: string): BridgeLink;
/** Checks every link and keys them by name; a name given twice is refused rather than one silently winning. */
export declare function linkTable(entries: Iterable<readonly [name: string, url: string]>): ReadonlyMap<string, BridgeLink>;
/**
 * Splits `METRICA_CHATS_LINKS`: `NAME=URL` pairs separated by commas. A URL may contain commas
 * itself, so a comma separates pairs only where the next pair's `NAME=scheme:` follows it.
 * @example
 * splitLinkList('a=https://t.me/a_bot, b=https://wa.me/79161234567') // ['a=https://t.me/a_bot', 'b=https://wa.me/79161234567']
 */
export declare const splitLinkList: (value: string | undefined) => string[];
