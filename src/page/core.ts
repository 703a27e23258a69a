/**
 * The running page script: holds the visitor's IDs, rewrites links, sends the pairing.
 * Every way in from the page (events, observer, wrapped browser functions, Metrica callbacks,
 * API calls) goes through `guard`, so nothing thrown here reaches the host page; a failed
 * rewrite leaves the link as it was.
 */

import { defaultMessage } from '../match/message.js';
import { type LinkKind, type Platform, type Rewriter, rewriter } from '../match/rewrite.js';
import { type Pairing, send } from './beacon.js';
import { loadChatId } from './chat-id.js';
import { type ResolvedConfig, validateConfig, warn } from './config.js';
import { frameDocument, onShadowRoot, type Roots, watchRoots } from './dom.js';
import { onAnchorClickCall, onFormData, onLinkClick, onNavigate, wrapOpen } from './exits.js';
import { askMetrica, loadYclid, storedClientId } from './metrica.js';
import { pageAddress } from './page-address.js';
import { register, runningIn } from './registry.js';

/** The longest `url` or `referrer` the collector takes. */
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
export function start(config?: ResolvedConfig): MetricaChatsApi {
  // The config's values, copied (empty without a config); UserID and PurchaseID may be set later.
  const ids: Partial<ResolvedConfig> = Object.assign({}, config);
  const log = (...args: unknown[]): void => {
    if (ids.debug) console.info('[metrica-chats]', ...args);
  };
  const guard = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      log(e);
    }
  };
  const sent = new Set<string>();
  let chatId = '';
  let clientId: string | undefined;
  let yclid: string | undefined;
  let platform: Platform | undefined;
  let hasMessengerLinks = false;
  let started = false;
  // The documents and shadow roots whose links are watched; from begin() on.
  let roots: Roots;
  let rewriteLink: Rewriter | undefined;

  // The collector refuses a longer `url` or `referrer`; the address is informational, so it is cut.
  const address = (url: string): string => pageAddress(url, config!.keepParams).slice(0, MAX_URL);

  // One beacon per distinct pairing in a page view (an SPA route counts as a new view). Before
  // the visitor leaves, only once the page has messenger links and some Metrica ID is known.
  const sync = (leaving = false): void => {
    if (
      started &&
      (leaving || ((hasMessengerLinks || platform) && (clientId || yclid || ids.userId || ids.purchaseId)))
    ) {
      const pairing: Pairing = {
        v: 1,
        chatId,
        clientId,
        yclid,
        userId: ids.userId,
        purchaseId: ids.purchaseId,
        counterId: config!.counterId,
        // Without the fragment: it is not a new page view, and may hold a token (OAuth implicit flow).
        url: address(location.href),
        referrer: address(document.referrer) || undefined,
        platform,
        ts: 0,
      };
      const key = JSON.stringify(pairing);
      if (!sent.has(key)) {
        sent.add(key);
        pairing.ts = Date.now();
        send(config!.endpoint, JSON.stringify(pairing));
        log(pairing);
      }
    }
  };

  const askClientId = (): unknown =>
    config!.counterId &&
    askMetrica(config!.counterId, (found) =>
      guard(() => {
        if (found !== clientId) {
          clientId = found;
          sync();
        }
      }),
    );

  // A messenger link or URL is about to be followed: make sure the pairing is out.
  const leaving = (kind: LinkKind | undefined): void => {
    if (kind && started) {
      clientId = clientId || storedClientId();
      askClientId(); // the Metrica tag may have loaded since; it often answers at once
      platform = kind[0];
      sync(true);
    }
  };

  // Results by href: pages repeat the same link, and every rescan after a DOM change meets
  // mostly links it has already seen. A rewritten href maps to itself.
  const memo = new Map<string, [string, LinkKind?]>();

  // Rewrites one link (a link whose href was removed is left alone); says what kind of messenger link it is.
  const fix = (link: Element): LinkKind | undefined => {
    const href = link.getAttribute('href');
    if (href == null) return;
    let result = memo.get(href);
    if (!result) {
      result = rewriteLink!(href);
      memo.set(href, result);
      memo.set(result[0], result);
    }
    if (result[0] !== href) link.setAttribute('href', result[0]);
    if (result[1] && !hasMessengerLinks) {
      hasMessengerLinks = true;
      sync();
    }
    return result[1];
  };

  // A link is being followed: checked again (the page may have changed it since), pairing sent.
  const follow = (link: Element): void => guard(() => leaving(fix(link)));

  // A URL is about to be opened (window.open, a navigation, a form, `decorate()`).
  // Before begin() (no consent yet, or an invalid config) it goes out as given.
  const decorateAndSend = (url: string): string => {
    guard(() => {
      if (rewriteLink) {
        const result = rewriteLink(url);
        url = result[0];
        leaving(result[1]);
      }
    });
    return url;
  };

  // Everything the script hooks in one window: this one, and each same-origin frame's. Each
  // hook on its own: a page that froze a prototype or lacks an API loses that hook only.
  const cover = (win: Window): void => {
    const doc = win.document;
    register(doc, api);
    roots.add(doc);
    onLinkClick(doc, follow);
    onFormData(doc, decorateAndSend);
    // A frame that loads (again) has a new document to cover.
    doc.addEventListener('load', (e) => coverFrame(e.target as HTMLIFrameElement), true);
    guard(() => wrapOpen(win, decorateAndSend));
    guard(() => onNavigate(win, decorateAndSend));
    guard(() => onAnchorClickCall(win, follow));
    guard(() => onShadowRoot(win, (root) => guard(() => roots.add(root))));
  };
  // Cross-origin frames have no document to read: they are left alone. A frame whose document
  // is already covered, by this instance or by its own copy of the script, is not covered twice.
  const coverFrame = (iframe: HTMLIFrameElement): void =>
    guard(() => {
      const doc = iframe.tagName === 'IFRAME' && frameDocument(iframe);
      if (doc && !runningIn(doc)) cover(doc.defaultView!);
    });

  const begin = (): void => {
    if (started || !config) return;
    started = true;
    const lang = defaultMessage(document.documentElement.lang);
    chatId = loadChatId(config);
    rewriteLink = rewriter({
      id: chatId,
      format: config, // its `prefix` and `length`
      message: config.message || lang.message,
      greeting: config.message ? '' : lang.greeting,
      bots: config.bots,
    });
    yclid = loadYclid(location.search, config.cookieDomain);
    clientId = storedClientId();
    askClientId();
    // Metrica announces a counter that loads after us (with `triggerEvent: true`).
    document.addEventListener(`yacounter${config.counterId}inited`, () => guard(askClientId));
    roots = watchRoots(fix, coverFrame);
    cover(window);
    log(chatId, clientId, yclid);
  };

  // Checked as in the config, so that a bad value warns instead of getting every pairing refused.
  const setId = (key: 'userId' | 'purchaseId', value: unknown): void =>
    guard(() => {
      const result = validateConfig({ endpoint: '/', [key]: value });
      if (typeof result === 'string') warn(result);
      else {
        ids[key] = result[key];
        sync();
      }
    });

  const api: MetricaChatsApi = {
    getChatId: () => chatId,
    decorate: decorateAndSend,
    setUserId: (v) => setId('userId', v),
    setPurchaseId: (v) => setId('purchaseId', v),
    grantConsent: () => guard(begin),
    // Before begin() there are no roots: the call throws inside guard and does nothing.
    scan: () => guard(() => roots.scan()),
  };
  if (config && config.consent !== 'required') guard(begin);
  return api;
}
