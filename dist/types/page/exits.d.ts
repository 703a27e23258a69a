/**
 * The ways a page sends the visitor to a messenger, each hooked in one window: a click on a
 * link (also inside open shadow roots, and re-pointed by the page during the click), `.click()`
 * on a link that is in no document, `window.open`, `location.href` / `assign` / `replace`
 * (through the Navigation API), and GET forms whose action is a messenger link. None of them
 * is delayed: the URL is decorated in place, synchronously.
 */
/** Returns the URL with the chat ID written in (and sends the pairing); any other URL as given. Never throws. */
export type Decorate = (url: string) => string;
/**
 * Hands over a clicked link twice: in the capture phase, before the page's own handlers; and
 * once they have all run (a widget may point a `href="#"` link at the messenger in its own
 * handler), from a window listener put last for this click. It never cancels or delays the
 * navigation. `auxclick` covers the middle button (open in a new tab). `handle` must not throw.
 */
export declare function onLinkClick(doc: Document, handle: (a: Element) => void): void;
/**
 * Hands over every `<a>` whose `.click()` is called, before the browser follows it: helpers
 * create a link, set its `href` and click it without ever adding it to the document, and such a
 * click reaches no document listener. `handle` must not throw.
 */
export declare function onAnchorClickCall(win: Window, handle: (a: Element) => void): void;
/** Makes `window.open(url, ...)` pass the URL through `decorate` first; everything else is as before. */
export declare function wrapOpen(win: Window, decorate: Decorate): void;
/**
 * Where the browser has the Navigation API: a navigation of this window to a messenger link
 * without the chat ID (`location.href = url`, `location.assign`, `location.replace`, a router's
 * external redirect, a GET form) is cancelled and started again with the decorated URL, with
 * the same history behaviour: a replace stays a replace. Custom schemes (`tg:`, `whatsapp:`,
 * `viber:`) fire the event as `https:` does. A traversal cannot be cancelled, a POST cannot be
 * started again from here, and a navigation the page cancelled stays cancelled: those go as they
 * are. `decorate` also sends the pairing.
 */
export declare function onNavigate(win: Window, decorate: Decorate): void;
/**
 * GET forms whose action is a messenger link (`<form action="https://wa.me/79…">` with an
 * `<input name="text">`): the submitted carrier gets the chat ID, through the `formdata` event,
 * so the input the visitor sees keeps its text. `decorate` gets the URL the form would open and
 * returns it decorated (and sends the pairing); the carrier's new value goes into the submitted
 * data only.
 */
export declare function onFormData(doc: Document, decorate: Decorate): void;
