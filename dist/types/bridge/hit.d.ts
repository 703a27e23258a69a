import type { ChatIdFormat } from '../match/format.js';
import { type Utm } from '../shared/utm.js';
import type { BridgeLink } from './links.js';
/** Longest UTM value kept; a longer one is dropped, not cut, so no half value is stored. */
export declare const MAX_UTM_LENGTH = 256;
/** What the query of `/go/NAME` contributes to the pairing. */
export interface BridgeQuery {
    yclid?: string;
    utm: Utm;
    /** Values that were present but unusable, and why: logged, never a reason to refuse the visitor. */
    ignored: Array<{
        field: string;
        reason: string;
    }>;
}
/**
 * Reads `yclid` and the UTM parameters. A bad value is dropped and reported in `ignored`: the
 * visitor is on their way to a chat, and refusing them would lose the chat to save a field.
 * A parameter given twice is ambiguous and dropped too. Other parameters are not read at all.
 */
export declare function readBridgeQuery(search: URLSearchParams): BridgeQuery;
/**
 * True when no person is behind the request: link previews (Telegram, WhatsApp, Slack, VK…),
 * ad-moderation and search robots (Yandex Direct's among them), scripts, and requests without a
 * User-Agent, which every browser sends. isbot keeps the list of their user agents.
 */
export declare const isRobot: (userAgent: string | undefined) => boolean;
/**
 * The messenger URL with the chat ID written in by the page script's rules. The first message of
 * a personal chat follows the visitor's language, as it follows the page's language there.
 */
export declare function bridgeTarget(link: BridgeLink, chatId: string, format: ChatIdFormat, acceptLanguage?: string): string;
/** Cookie that remembers the chat ID of a bridge visit, on the collector's host only. */
export declare const REUSE_COOKIE = "_mc_go";
/** How long a second visit of the same link keeps the chat ID of the first. */
export declare const REUSE_SECONDS: number;
/**
 * The Set-Cookie value: scoped to this link's path (each link has its own chat ID, so each chat
 * counts for one link), HttpOnly (no page script needs it), SameSite=Lax (sent on the top-level
 * navigation from an ad, never on cross-site subrequests).
 */
export declare function reuseCookie(chatId: string, path: string, secure: boolean): string;
/** The chat ID in the request's cookie, when it is one of the format; else null. */
export declare function readReuseCookie(cookieHeader: string | undefined, isChatId: (id: string) => boolean): string | null;
