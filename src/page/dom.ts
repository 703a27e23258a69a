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
  /** Adds a root (and the open shadow roots inside it): its links are fixed from now on and watched. */
  add(root: LinkRoot): void;
  /** Fixes every link of every root now, in one pass. */
  scan(): void;
}

/**
 * A pass over the links gives the page back after this many, and goes on in a later task: a
 * first pass over 10,000 links that were never seen would otherwise hold the page for longer
 * than the 50 ms that makes a long task (1,000 new links take about 5 ms on a desktop). A link
 * clicked before its turn is fixed at the click.
 */
const SLICE = 1000;

/**
 * Keeps the list of roots. `fix` gets every link (what it throws is dropped); `frame` every
 * `<iframe>` element met on a pass (it decides whether the frame is one to cover). The observer
 * starts a new pass once per batch of changes; the parser's own insertions count, so links are
 * handled even when the script runs in `<head>`. Links already seen cost a lookup, so a pass
 * after a small change is short.
 */
export function watchRoots(fix: (a: Element) => void, frame: (iframe: HTMLIFrameElement) => void): Roots {
  const roots: LinkRoot[] = [];
  let links: Element[] = [];
  let next = 0;
  let resume: ReturnType<typeof setTimeout> | undefined;
  // The observer is off while links are written: recording its own 10,000 href writes would
  // cost more than the writes themselves.
  const work = (count: number): void => {
    observer.disconnect();
    try {
      for (const end = next + count; next < links.length && next < end; ) {
        // One failed link costs only itself (no closure per link: a pass may meet 10,000).
        try {
          fix(links[next++]!);
        } catch {}
      }
    } finally {
      for (const root of roots) observer.observe(root, WATCH);
    }
    // One continuation at a time, however many passes started meanwhile.
    clearTimeout(resume);
    if (next < links.length) resume = setTimeout(() => attempt(() => work(SLICE)));
  };
  // A new pass starts over from the first link (an earlier one may have changed).
  const pass = (count: number): void => {
    links = [];
    next = 0;
    for (const root of roots) {
      links = links.concat(Array.from(root.querySelectorAll(LINKS)));
      root.querySelectorAll('iframe').forEach(frame);
    }
    work(count);
  };
  const observer = new MutationObserver(() => attempt(() => pass(SLICE)));
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
      pass(SLICE);
    },
    scan: () => pass(Infinity),
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
