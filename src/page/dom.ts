/**
 * Where the page script meets the document: links present at start, links added or changed
 * later, the click itself (the last chance before the visitor leaves) and `window.open`, which
 * chat widgets use instead of links.
 */

import { attempt } from './safe.js';

const LINKS = 'a[href]';

/** Calls `fix` on every link in the document. */
export const each = (fix: (a: Element) => void): void => document.querySelectorAll(LINKS).forEach(fix);

const WATCH: MutationObserverInit = { childList: true, subtree: true, attributeFilter: ['href'] };

/**
 * Calls `rescan` after links are added or re-pointed (once per batch of changes). The parser's
 * own insertions count, so links are handled even when the script runs in `<head>`.
 */
export function observe(rescan: () => void): MutationObserver {
  const mo = new MutationObserver(rescan);
  mo.observe(document, WATCH);
  return mo;
}

/**
 * Runs `pass` with the observer off: a full pass covers every link, and recording its own
 * 10,000 href writes would cost more than the writes themselves.
 */
export function unobserved(mo: MutationObserver | undefined, pass: () => void): void {
  mo?.disconnect();
  try {
    pass();
  } finally {
    mo?.observe(document, WATCH);
  }
}

/**
 * Hands over a link when it is clicked, to be checked again (another script may have changed
 * it since). Capture phase, so it runs before the page's own handlers; it never cancels or
 * delays the navigation. `auxclick` covers the middle button (open in a new tab).
 */
export function onLinkClick(handle: (a: Element) => void): void {
  const h = (e: Event): void => {
    // A synthetic click may target the document or a text node, which have no closest().
    attempt(() => {
      const a = (e.target as Element).closest(LINKS);
      if (a) handle(a);
    });
  };
  document.addEventListener('click', h, true);
  document.addEventListener('auxclick', h, true);
}

/** Makes `window.open(url, ...)` pass the URL through `decorate` first; everything else is as before. */
export function wrapOpen(decorate: (url: string) => string): void {
  const open = window.open;
  window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
    // URL objects too: window.open turns its first argument into a string anyway. `decorate` never throws.
    if (args[0]) args[0] = decorate(`${args[0]}`);
    return open.apply(this, args);
  } as typeof window.open;
}
