/**
 * First-party cookies and localStorage, every access guarded: pages and privacy tools replace
 * `document.cookie` and `localStorage` with getters that throw, and Safari throws on storage in
 * some private modes. A failure reads as "nothing stored".
 *
 * Cookies are read and written here directly rather than through js-cookie: the values are IDs
 * (`[A-Za-z0-9_-]`) and digits that need no encoding, and js-cookie's 550 bytes gzipped would take
 * a fifth of the page script's budget for these two lines.
 */
import { attempt } from './safe.js';

/** Reads a cookie, or undefined. */
export const getCookie = (name: string): string | undefined =>
  attempt(() => (RegExp(`(^|; )${name}=([^;]*)`).exec(document.cookie) || [])[2]);

/** Writes a first-party cookie for `days`, SameSite=Lax, on `domain` when given. */
export const setCookie = (name: string, value: string, days: number, domain?: string): unknown =>
  attempt(() => {
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is async and missing in Safari < 18.4 and Firefox
    document.cookie = `${name}=${value};path=/;max-age=${days * 86400};samesite=lax${domain ? `;domain=${domain}` : ''}`;
  });

/** Reads a localStorage item, or null or undefined. */
export const getItem = (name: string): string | null | undefined => attempt(() => localStorage.getItem(name));

/** Writes a localStorage item when storage works. */
export const setItem = (name: string, value: string): unknown => attempt(() => localStorage.setItem(name, value));
