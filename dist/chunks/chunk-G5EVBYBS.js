// src/match/format.ts
import { customAlphabet } from "nanoid";
var CHAT_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
var DEFAULT_PREFIX = "CT";
var DEFAULT_LENGTH = 8;
var CHAT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
var TELEGRAM_RESERVED_PREFIX = "_tgr_";
var DEFAULT_FORMAT = { prefix: DEFAULT_PREFIX, length: DEFAULT_LENGTH };
var newChatId = (format) => format.prefix + customAlphabet(CHAT_ID_ALPHABET, format.length)();
function chatIdFormatProblem(format) {
  const { prefix, length } = format;
  if (typeof prefix !== "string" || !/^[A-Za-z0-9_-]{0,32}$/.test(prefix)) {
    return `prefix must be 0\u201332 characters of A-Z a-z 0-9 _ -, got ${JSON.stringify(prefix)}`;
  }
  if (prefix.startsWith(TELEGRAM_RESERVED_PREFIX)) {
    return `prefix must not start with ${TELEGRAM_RESERVED_PREFIX} (Telegram reserves it), got ${JSON.stringify(prefix)}`;
  }
  if (!Number.isInteger(length) || length < 6 || length > 32) {
    return `length must be an integer from 6 to 32, got ${JSON.stringify(length)}`;
  }
  if (prefix.length + length > 64) {
    return `prefix and length together must stay within 64 characters, got ${prefix.length + length}`;
  }
  return null;
}
function isChatId(id, format = DEFAULT_FORMAT) {
  if (typeof id !== "string" || id.length !== format.prefix.length + format.length) return false;
  if (!id.startsWith(format.prefix) || id.startsWith(TELEGRAM_RESERVED_PREFIX)) return false;
  for (let i = format.prefix.length; i < id.length; i++) {
    if (!CHAT_ID_ALPHABET.includes(id.charAt(i))) return false;
  }
  return true;
}
var formatProblem = chatIdFormatProblem;

export {
  CHAT_ID_ALPHABET,
  DEFAULT_PREFIX,
  DEFAULT_LENGTH,
  CHAT_ID_PATTERN,
  TELEGRAM_RESERVED_PREFIX,
  DEFAULT_FORMAT,
  newChatId,
  chatIdFormatProblem,
  isChatId,
  formatProblem
};
