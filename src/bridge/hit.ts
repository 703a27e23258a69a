/**
 * One visit of a bridge link, as pure decisions: what to read from the query, whether a person is
 * behind the request, where to send them, and the cookie that lets a second visit within a short
 * window keep its chat ID. The collector's route does the I/O around these.
 */
import { isbot } from 'isbot';
import { characterCount, textProblem, yclidVerdict } from '../domain/index.js';
import type { ChatIdFormat } from '../match/format.js';
import { defaultMessage } from '../match/message.js';
import { rewrite } from '../match/rewrite.js';
import { UTM_KEYS, type Utm } from '../shared/utm.js';
import type { BridgeLink } from './links.js';

/** Longest UTM value kept; a longer one is dropped, not cut, so no half value is stored. */
export const MAX_UTM_LENGTH = 256;

/** What the query of `/go/NAME` contributes to the pairing. */
export interface BridgeQuery {
  yclid?: string;
  utm: Utm;
  /** Values that were present but unusable, and why: logged, never a reason to refuse the visitor. */
  ignored: Array<{ field: string; reason: string }>;
}

const shown = (v: string): string => (v.length > 40 ? `a value of ${v.length} characters` : JSON.stringify(v));

/**
 * Reads `yclid` and the UTM parameters. A bad value is dropped and reported in `ignored`: the
 * visitor is on their way to a chat, and refusing them would lose the chat to save a field.
 * A parameter given twice is ambiguous and dropped too. Other parameters are not read at all.
 */
export function readBridgeQuery(search: URLSearchParams): BridgeQuery {
  const out: BridgeQuery = { utm: {}, ignored: [] };
  const single = (field: string): string | undefined => {
    const all = search.getAll(field);
    if (all.length > 1) {
      out.ignored.push({ field, reason: `${field} is given ${all.length} times; expected once` });
      return undefined;
    }
    return all[0] === '' ? undefined : all[0];
  };
  const yclid = single('yclid');
  if (yclid !== undefined) {
    // The beacon's rule: a yclid the collector would refuse from the page is refused here too.
    const verdict = yclidVerdict(yclid);
    if (verdict === null) out.yclid = yclid;
    else out.ignored.push({ field: 'yclid', reason: `yclid must be ${verdict.expected}, got ${shown(yclid)}` });
  }
  for (const key of UTM_KEYS) {
    const v = single(key);
    if (v === undefined) continue;
    const length = characterCount(v);
    const problem = textProblem(v);
    if (length > MAX_UTM_LENGTH) {
      out.ignored.push({ field: key, reason: `${key} must be at most ${MAX_UTM_LENGTH} characters, got ${length}` });
    } else if (problem) out.ignored.push({ field: key, reason: `${key} ${problem}` });
    else out.utm[key] = v;
  }
  return out;
}

/**
 * True when no person is behind the request: link previews (Telegram, WhatsApp, Slack, VK…),
 * ad-moderation and search robots (Yandex Direct's among them), scripts, and requests without a
 * User-Agent, which every browser sends. isbot keeps the list of their user agents.
 */
export const isRobot = (userAgent: string | undefined): boolean => !userAgent?.trim() || isbot(userAgent);

/**
 * The messenger URL with the chat ID written in by the page script's rules. The first message of
 * a personal chat follows the visitor's language, as it follows the page's language there.
 */
export function bridgeTarget(link: BridgeLink, chatId: string, format: ChatIdFormat, acceptLanguage?: string): string {
  const lang = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  return rewrite(link.url, { id: chatId, format, ...defaultMessage(lang) });
}

/** Cookie that remembers the chat ID of a bridge visit, on the collector's host only. */
export const REUSE_COOKIE = '_mc_go';
/** How long a second visit of the same link keeps the chat ID of the first. */
export const REUSE_SECONDS = 30 * 60;

/**
 * The Set-Cookie value: scoped to this link's path (each link has its own chat ID, so each chat
 * counts for one link), HttpOnly (no page script needs it), SameSite=Lax (sent on the top-level
 * navigation from an ad, never on cross-site subrequests).
 */
export function reuseCookie(chatId: string, path: string, secure: boolean): string {
  return `${REUSE_COOKIE}=${chatId}; Max-Age=${REUSE_SECONDS}; Path=${path}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The chat ID in the request's cookie, when it is one of the format; else null. */
export function readReuseCookie(cookieHeader: string | undefined, isChatId: (id: string) => boolean): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== REUSE_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (isChatId(value)) return value;
  }
  return null;
}
