/**
 * Where the page script meets the document: links present at start, links added or changed
 * later, the click itself (the last chance before the visitor leaves) and `window.open`, which
 * chat widgets use instead of links.
 */
/** Calls `fix` on every link in the document. */
export declare const each: (fix: (a: Element) => void) => void;
/**
 * Calls `rescan` after links are added or re-pointed (once per batch of changes). The parser's
 * own insertions count, so links are handled even when the script runs in `<head>`.
 */
export declare function observe(rescan: () => void): MutationObserver;
/**
 * Runs `pass` with the observer off: a full pass covers every link, and recording its own
 * 10,000 href writes would cost more than the writes themselves.
 */
export declare function unobserved(mo: MutationObserver | undefined, pass: () => void): void;
/**
 * Hands over a link when it is clicked, to be checked again (another script may have changed
 * it since). Capture phase, so it runs before the page's own handlers; it never cancels or
 * delays the navigation. `auxclick` covers the middle button (open in a new tab).
 */
export declare function onLinkClick(handle: (a: Element) => void): void;
/** Makes `window.open(url, ...)` pass the URL through `decorate` first; everything else is as before. */
export declare function wrapOpen(decorate: (url: string) => string): void;
