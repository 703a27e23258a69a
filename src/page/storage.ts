/**
 * First-party cookies (through js-cookie) and localStorage, every access guarded: pages and
 * privacy tools replace `document.cookie` and `localStorage` with getters that throw, and Safari
 * throws on storage in some private modes. A failure reads as "nothing stored".
 */
import Cookies from 'js-cookie';
import { attempt } from './safe.js';

/** Reads a cookie, or undefined. */
export const getCookie = (name: string): string | undefined => attempt(() => Cookies.get(name));

/** Writes a first-party cookie (path `/`) for `days`, SameSite=Lax, on `domain` when given. */
export const setCookie = (name: string, value: string, days: number, domain?: string): unknown =>
  attempt(() => Cookies.set(name, value, { expires: days, sameSite: 'lax', domain }));

/** Reads a localStorage item, or null or undefined. */
export const getItem = (name: string): string | null | undefined => attempt(() => localStorage.getItem(name));

/** Writes a localStorage item when storage works. */
export const setItem = (name: string, value: string): unknown => attempt(() => localStorage.setItem(name, value));
