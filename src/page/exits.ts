/**
 * The ways a page sends the visitor to a messenger, each hooked in one window: a click on a
 * link (also inside open shadow roots, and re-pointed by the page during the click), `.click()`
 * on a link that is in no document, `window.open`, `location.href` / `assign` / `replace`
 * (through the Navigation API), and GET forms whose action is a messenger link. None of them
 * is delayed: the URL is decorated in place, synchronously.
 */

import { attempt } from './safe.js';

/** Returns the URL with the chat ID written in (and sends the pairing); any other URL as given. Never throws. */
export type Decorate = (url: string) => string;

/** The first `<a>` on the event's path: inside an open shadow root, the document sees only the host. */
const linkOf = (e: Event): Element | undefined =>
  e.composedPath().find((n) => (n as Element).tagName === 'A') as Element | undefined;

/**
 * Hands over a clicked link twice: in the capture phase, before the page's own handlers; and
 * once they have all run (a widget may point a `href="#"` link at the messenger in its own
 * handler), from a window listener put last for this click. It never cancels or delays the
 * navigation. `auxclick` covers the middle button (open in a new tab). `handle` must not throw.
 */
export function onLinkClick(doc: Document, handle: (a: Element) => void): void {
  const win = doc.defaultView!;
  let clicked: Element | undefined;
  const after = (): void => {
    if (clicked) handle(clicked);
    clicked = undefined;
  };
  const capture = (e: Event): unknown =>
    attempt(() => {
      clicked = linkOf(e);
      if (clicked) {
        handle(clicked);
        // Listeners added during dispatch run when the event reaches the window: removed and
        // added again, this one runs after every listener the page has there.
        win.removeEventListener(e.type, after);
        win.addEventListener(e.type, after);
      }
    });
  doc.addEventListener('click', capture, true);
  doc.addEventListener('auxclick', capture, true);
}

/**
 * Hands over every `<a>` whose `.click()` is called, before the browser follows it: helpers
 * create a link, set its `href` and click it without ever adding it to the document, and such a
 * click reaches no document listener. `handle` must not throw.
 */
export function onAnchorClickCall(win: Window, handle: (a: Element) => void): void {
  const proto = (win as typeof window).HTMLAnchorElement.prototype;
  const click = proto.click;
  proto.click = function (this: HTMLAnchorElement) {
    handle(this);
    click.call(this);
  };
}

/** Makes `window.open(url, ...)` pass the URL through `decorate` first; everything else is as before. */
export function wrapOpen(win: Window, decorate: Decorate): void {
  const open = win.open;
  win.open = function (this: Window, ...args: Parameters<typeof window.open>) {
    // URL objects too: window.open turns its first argument into a string anyway.
    if (args[0]) args[0] = decorate(`${args[0]}`);
    return open.apply(this, args);
  } as typeof window.open;
}

// The part of the Navigation API used here (TypeScript's DOM library does not have it yet).
interface NavigateEvent extends Event {
  navigationType: 'push' | 'replace' | 'reload' | 'traverse';
  destination: { url: string };
  formData: FormData | null;
  info: unknown;
}
interface Navigation extends EventTarget {
  navigate(
    url: string,
    options: { history: 'auto' | 'push' | 'replace'; info: unknown },
  ): { committed: Promise<unknown>; finished: Promise<unknown> };
}

/**
 * Where the browser has the Navigation API: a navigation of this window to a messenger link
 * without the chat ID (`location.href = url`, `location.assign`, `location.replace`, a router's
 * external redirect, a GET form) is cancelled and started again with the decorated URL, with
 * the same history behaviour: a replace stays a replace. Custom schemes (`tg:`, `whatsapp:`,
 * `viber:`) fire the event as `https:` does. A traversal cannot be cancelled, a POST cannot be
 * started again from here, and a navigation the page cancelled stays cancelled: those go as they
 * are. `decorate` also sends the pairing.
 */
export function onNavigate(win: Window, decorate: Decorate): void {
  const navigation = (win as unknown as { navigation?: Navigation }).navigation;
  navigation?.addEventListener('navigate', (event) =>
    attempt(() => {
      const e = event as NavigateEvent;
      const url = e.destination.url;
      // The pairing goes out before the decorated navigation starts: sent after it, the beacon
      // can be lost with the page (a browser test showed it).
      const next = decorate(url);
      if (next !== url && e.cancelable && !e.defaultPrevented && !e.formData) {
        // Started before cancelling: if navigate() throws, the original navigation goes ahead.
        // The same history behaviour: a replace stays a replace, a push a push. (A reload or a
        // traversal never leads to a messenger link; navigate() would refuse their names.)
        const started = navigation.navigate(next, { history: e.navigationType as 'push', info: e.info });
        // Rejected when the page cancels the new navigation: not an error of the page's.
        started.committed.catch(() => 0);
        started.finished.catch(() => 0);
        e.preventDefault();
      }
    }),
  );
}

/**
 * GET forms whose action is a messenger link (`<form action="https://wa.me/79…">` with an
 * `<input name="text">`): the submitted carrier gets the chat ID, through the `formdata` event,
 * so the input the visitor sees keeps its text. `decorate` gets the URL the form would open and
 * returns it decorated (and sends the pairing); the carrier's new value goes into the submitted
 * data only.
 */
export function onFormData(doc: Document, decorate: Decorate): void {
  doc.addEventListener(
    'formdata',
    (event) =>
      attempt(() => {
        const data = (event as FormDataEvent).formData;
        const action = (event.target as Element).getAttribute('action');
        // A form without an action submits to this page, never a messenger.
        if (action) {
          // A GET submission replaces the action's query with the form's fields.
          const fields = new URLSearchParams(data as unknown as string);
          // Only a value decorate() changed is set: a field sent several times (checkboxes) keeps
          // all its values.
          new URL(decorate(`${action.split(/[?#]/)[0]}?${fields}`), doc.baseURI).searchParams.forEach((value, key) => {
            if (!fields.getAll(key).includes(value)) data.set(key, value);
          });
        }
      }),
    true,
  );
}
