/**
 * Where the page's links live: the document, the open shadow roots of web components, and the
 * documents of same-origin frames. Each is a root that is scanned once when it is found and
 * watched for links added or re-pointed later.
 */
/** A document or an open shadow root. */
export type LinkRoot = Document | ShadowRoot;
export interface Roots {
    /** Adds a root (and the open shadow roots inside it): its links are fixed from now on and watched. */
    add(root: LinkRoot): void;
    /** Fixes every link of every root now, in one pass. */
    scan(): void;
}
/**
 * Keeps the list of roots. `fix` gets every link (what it throws is dropped); `frame` every
 * `<iframe>` element met on a pass (it decides whether the frame is one to cover). The observer
 * starts a new pass once per batch of changes; the parser's own insertions count, so links are
 * handled even when the script runs in `<head>`. Links already seen cost a lookup, so a pass
 * after a small change is short.
 */
export declare function watchRoots(fix: (a: Element) => void, frame: (iframe: HTMLIFrameElement) => void): Roots;
/**
 * Hands over every open shadow root attached in `win` from now on (`added` must not throw).
 * Components attach their root empty and fill it later, which the observer then sees.
 */
export declare function onShadowRoot(win: Window, added: (root: ShadowRoot) => void): void;
/** The document of a frame when it is same-origin (null for any other: the browser says so). */
export declare const frameDocument: (iframe: HTMLIFrameElement) => Document | null | undefined;
