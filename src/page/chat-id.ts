/**
 * The visitor's chat ID: one per browser, kept in a first-party cookie with a localStorage copy
 * (either may be cleared or blocked alone), renewed on every visit so it lives `lifetimeDays` after the
 * last one.
 */
import { CHAT_ID_ALPHABET, type ChatIdFormat, newChatId } from '../match/format.js';
import { getCookie, getItem, setCookie, setItem } from './storage.js';

/** Cookie and localStorage key. Neutral on purpose: filter lists hide names with "track" or "metrika". */
export const CHAT_ID_KEY = '_mc_chat';

/** Exactly one ID of the format. (isChatId in match/format.ts says the same; this is smaller in the page script.) */
export const chatIdRegExp = (format: ChatIdFormat): RegExp =>
  RegExp(`^${format.prefix}[${CHAT_ID_ALPHABET}]{${format.length}}$`);

/** The config's chat-ID options: the format, how long the ID lives, the cookie's domain. */
export interface ChatIdOptions extends ChatIdFormat {
  lifetimeDays: number;
  cookieDomain?: string;
}

/** The stored chat ID of this format, or a new one; stored again either way to renew its lifetime. */
export function loadChatId(options: ChatIdOptions): string {
  const re = chatIdRegExp(options);
  // test() reads a missing value as "undefined" or "null", never an ID.
  let id: string | null | undefined = getCookie(CHAT_ID_KEY);
  if (!re.test(id as string)) id = getItem(CHAT_ID_KEY);
  if (!re.test(id as string)) id = newChatId(options);
  setCookie(CHAT_ID_KEY, id!, options.lifetimeDays, options.cookieDomain);
  setItem(CHAT_ID_KEY, id!);
  return id!;
}
