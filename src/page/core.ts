/**
 * The running page script: holds the visitor's IDs, rewrites links, sends the pairing.
 * Every way in from the page (events, observer, Metrica callbacks, API calls) goes through
 * `guard`, so nothing thrown here reaches the host page; a failed rewrite leaves the link as it was.
 */

import { defaultMessage } from '../match/message.js';
import { type LinkKind, type Platform, type Rewriter, rewriter } from '../match/rewrite.js';
import { type Pairing, send } from './beacon.js';
import { loadChatId } from './chat-id.js';
import { type ResolvedConfig, validateConfig, warn } from './config.js';
import { each, observe, onLinkClick, unobserved, wrapOpen } from './dom.js';
import { askMetrica, loadYclid, storedClientId } from './metrica.js';

/** The collector refuses a pairing with a longer `url` or `referrer`; the address is informational, so it is cut. */
const MAX_URL = 2048;

/** The API on `window.MetricaChats` and returned by `init()`. */
export interface MetricaChatsApi {
  /** The visitor's chat ID; empty before consent or when the script is off. */
  getChatId(): string;
  /** The URL with the chat ID written in when it is a messenger link; any other URL as given. */
  decorate(url: string): string;
  /** Sets the Metrica UserID sent with the pairing. */
  setUserId(id: string | number): void;
  /** Sets the Metrica PurchaseID sent with the pairing. */
  setPurchaseId(id: string | number): void;
  /** Gives consent (for `consent: 'required'`): storage, rewriting and beacons start now. */
  grantConsent(): void;
  /** Rewrites every link in the document now. */
  scan(): void;
}

/**
 * Starts the script with a validated configuration, or, given none, returns an API that does
 * nothing (for an invalid configuration).
 */
export function start(c?: ResolvedConfig): MetricaChatsApi {
  const log = (...a: unknown[]): void => {
    if (c?.debug) console.info('[metrica-chats]', ...a);
  };
  const guard = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      log(e);
    }
  };
  const sent: Record<string, 1> = {};
  let id = '';
  let clientId: string | undefined;
  let yclid: string | undefined;
  // UserID and PurchaseID, from the config or set later.
  const ids: Pick<ResolvedConfig, 'userId' | 'purchaseId'> = { userId: c?.userId, purchaseId: c?.purchaseId };
  let platform: Platform | undefined;
  let seen: unknown;
  let on: unknown;
  let rw: Rewriter | undefined;

  // One beacon per distinct pairing in a page view (an SPA route counts as a new view). Before
  // a click, only once the page has messenger links and some Metrica ID is known.
  const sync = (click?: unknown): void => {
    if (on && (click || ((seen || platform) && (clientId || yclid || ids.userId || ids.purchaseId)))) {
      const b: Pairing = {
        v: 1,
        chatId: id,
        clientId,
        yclid,
        userId: ids.userId,
        purchaseId: ids.purchaseId,
        counterId: c!.counterId,
        // Without the fragment: it is not a new page view, and may hold a token (OAuth implicit flow).
        url: location.href.split('#')[0]!.slice(0, MAX_URL),
        referrer: document.referrer.slice(0, MAX_URL) || undefined,
        platform,
        ts: 0,
      };
      const key = JSON.stringify(b);
      if (!sent[key]) {
        sent[key] = 1;
        b.ts = Date.now();
        send(c!.endpoint, JSON.stringify(b));
        log(b);
      }
    }
  };

  const ask = (): unknown =>
    c!.counterId &&
    askMetrica(c!.counterId, (v) =>
      guard(() => {
        if (v !== clientId) {
          clientId = v;
          sync();
        }
      }),
    );

  // A messenger link or window.open URL is about to be followed: make sure the pairing is out.
  const leaving = (kind: LinkKind | undefined): void => {
    if (kind && on) {
      clientId = clientId || storedClientId();
      ask(); // the Metrica tag may have loaded since; it often answers at once
      platform = kind[0];
      sync(1);
    }
  };

  // Results by href: pages repeat the same link, and every rescan after a DOM change meets
  // mostly links it has already seen. A rewritten href maps to itself.
  const memo = new Map<string, [string, LinkKind?]>();

  // Rewrites one link; returns what kind of messenger link it is.
  const fix = (a: Element): LinkKind | undefined => {
    const href = a.getAttribute('href')!;
    let r = memo.get(href);
    if (!r) {
      r = rw!(href);
      memo.set(href, r);
      memo.set(r[0], r);
    }
    if (r[0] !== href) a.setAttribute('href', r[0]);
    if (r[1] && !seen) {
      seen = 1;
      sync();
    }
    return r[1];
  };

  let mo: MutationObserver | undefined;
  const scan = (): void => {
    if (on) unobserved(mo, () => each(fix));
  };

  // For window.open and `location.href = MetricaChats.decorate(url)`: the URL is about to be opened.
  // Before begin() (no consent yet, or an invalid config) the URL goes out as given.
  const decorateAndSend = (url: string): string => {
    guard(() => {
      if (rw) {
        const r = rw(url);
        url = r[0];
        leaving(r[1]);
      }
    });
    return url;
  };

  const begin = (): void => {
    if (on || !c) return;
    on = 1;
    const lang = defaultMessage(document.documentElement.lang);
    const format = { prefix: c.prefix, length: c.length };
    id = loadChatId(format, c.lifetimeDays, c.cookieDomain);
    rw = rewriter({
      id,
      format,
      message: c.message || lang.message,
      greeting: c.message ? '' : lang.greeting,
      bots: c.bots,
    });
    yclid = loadYclid(location.search, c.cookieDomain);
    clientId = storedClientId();
    ask();
    // Metrica announces a counter that loads after us (with `triggerEvent: true`).
    document.addEventListener(`yacounter${c.counterId}inited`, () => guard(ask));
    scan();
    mo = observe(() => guard(scan));
    onLinkClick((a) => guard(() => leaving(fix(a))));
    wrapOpen(decorateAndSend);
    log(id, clientId, yclid);
  };

  // Checked as in the config, so that a bad value warns instead of getting every pairing refused.
  const setId = (key: 'userId' | 'purchaseId', v: unknown): void =>
    guard(() => {
      const r = validateConfig({ endpoint: '/', [key]: v });
      if (typeof r === 'string') warn(r);
      else {
        ids[key] = r[key];
        sync();
      }
    });

  if (c && c.consent !== 'required') guard(begin);
  return {
    getChatId: () => id,
    decorate: decorateAndSend,
    setUserId: (v) => setId('userId', v),
    setPurchaseId: (v) => setId('purchaseId', v),
    grantConsent: () => guard(begin),
    scan: () => guard(scan),
  };
}
