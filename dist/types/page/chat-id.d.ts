/**
 * The visitor's chat ID: one per browser, kept in a first-party cookie with a localStorage copy
 * (either may be cleared or blocked alone), renewed on every visit so it lives `lifetimeDays` after the
 * last one.
 */
import { type ChatIdFormat } from '../match/format.js';
/** Cookie and localStorage key. Neutral on purpose: filter lists hide names with "track" or "metrika". */
export declare const CHAT_ID_KEY = "_mc_chat";
/** Exactly one ID of the format. (isChatId in match/format.ts says the same; this is smaller in the page script.) */
export declare const chatIdRegExp: (format: ChatIdFormat) => RegExp;
/** The config's chat-ID options: the format, how long the ID lives, the cookie's domain. */
export interface ChatIdOptions extends ChatIdFormat {
    lifetimeDays: number;
    cookieDomain?: string;
}
/** The stored chat ID of this format, or a new one; stored again either way to renew its lifetime. */
export declare function loadChatId(options: ChatIdOptions): string;
