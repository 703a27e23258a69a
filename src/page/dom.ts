/**
 * Where the page's links live: the document, the open shadow roots of web components, and the
 * documents of same-origin frames. Each is a root that is scanned once when it is found and
 * watched for links added or re-pointed later.
 */

import { attempt } from './safe.js';

/** A document or an open shadow root. */
export type LinkRoot = Document | ShadowRoot;

const LINKS = 'a[href]';
const WATCH: MutationObserverInit = { childList: true, subtree: true, attributeFilter: ['href'] };

export interface Roots {
  /** Adds a root (and the open shadow roots inside it): its links are fixed now and watched from now on. */
  add(root: LinkRoot): void;
  /** Fixes every link of every root, and hands over every frame element, with the observer off. */
  scan(): void;
}

/**
 * Keeps the list of roots. `fix` gets every link; `frame` every `<iframe>` element met on a
 * scan (it decides whether the frame is one to cover). The observer reacts once per batch of
 * changes; the parser's own insertions count, so links are handled even when the script runs in
 * `<head>`.
 */
export function watchRoots(fix: (a: Element) => void, frame: (iframe: HTMLIFrameElement) => void): Roots {
  const roots: LinkRoot[] = [];
  // Off during a pass: recording its own 10,000 href writes would cost more than the writes.
  const scan = (): void => {
    observer.disconnect();
    try {
      for (const root of roots) {
        root.querySelectorAll(LINKS).forEach(fix);
        root.querySelectorAll('iframe').forEach(frame);
      }
    } finally {
      for (const root of roots) observer.observe(root, WATCH);
    }
  };
  const observer = new MutationObserver(() => attempt(scan));
  const collect = (root: LinkRoot): void => {
    if (roots.indexOf(root) < 0) {
      roots.push(root);
      // Shadow roots made before the script started (or declared in the HTML).
      root.querySelectorAll('*').forEach((el) => {
        if (el.shadowRoot) collect(el.shadowRoot);
      });
    }
  };
  return {
    add(root) {
      collect(root);
      scan();
    },
    scan,
  };
}

/**
 * Hands over every open shadow root attached in `win` from now on (`added` must not throw).
 * Components attach their root empty and fill it later, which the observer then sees.
 */
export function onShadowRoot(win: Window, added: (root: ShadowRoot) => void): void {
  const proto = (win as typeof window).Element.prototype;
  const attach = proto.attachShadow;
  proto.attachShadow = function (this: Element, ...args: Parameters<Element['attachShadow']>) {
    const root = attach.apply(this, args);
    // A closed root stays closed: only an open one is this element's shadowRoot.
    if (this.shadowRoot) added(root);
    return root;
  };
}

/** The document of a frame when it is same-origin (null for any other: the browser says so). */
export const frameDocument = (iframe: HTMLIFrameElement): Document | null | undefined =>
  attempt(() => iframe.contentDocument);
