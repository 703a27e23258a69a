import {
  CHAT_ID_ALPHABET,
  CHAT_ID_PATTERN,
  DEFAULT_FORMAT,
  DEFAULT_LENGTH,
  DEFAULT_PREFIX,
  TELEGRAM_RESERVED_PREFIX,
  chatIdFormatProblem,
  formatProblem,
  isChatId
} from "./chunks/chunk-G5EVBYBS.js";

// src/match/extract.ts
var INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/g;
var LOOK_ALIKES = {
  \u0410: "A",
  \u0412: "B",
  \u0415: "E",
  \u041A: "K",
  \u041C: "M",
  \u041D: "H",
  \u041E: "O",
  \u0420: "P",
  \u0421: "C",
  \u0422: "T",
  \u0425: "X",
  \u0423: "Y",
  \u0430: "A",
  \u0432: "B",
  \u0435: "E",
  \u043A: "K",
  \u043C: "M",
  \u043D: "H",
  \u043E: "O",
  \u0440: "P",
  \u0441: "C",
  \u0442: "T",
  \u0445: "X",
  \u0443: "Y"
};
var LOOK_ALIKE_CHARS = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "g");
var FULL_WIDTH = /[\uFF01-\uFF5E]/g;
var FULL_WIDTH_OFFSET = 65248;
function normalizeForMatching(text) {
  return text.replace(INVISIBLE, "").replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET)).replace(LOOK_ALIKE_CHARS, (c) => LOOK_ALIKES[c] ?? c).toUpperCase();
}
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
var patternCache = /* @__PURE__ */ new Map();
function idPattern(format) {
  const key = `${format.prefix}\0${format.length}`;
  let re = patternCache.get(key);
  if (!re) {
    re = new RegExp(
      `(?<![\\p{L}\\p{N}\\p{M}])${escapeRegExp(format.prefix.toUpperCase())}([${CHAT_ID_ALPHABET}]{${format.length}})(?![\\p{L}\\p{N}\\p{M}])`,
      "gu"
    );
    patternCache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}
function extractChatId(text, format = DEFAULT_FORMAT) {
  if (typeof text !== "string" || text.length === 0) return null;
  const normalized = normalizeForMatching(text.length > 65536 ? text.slice(0, 65536) : text);
  let found = null;
  for (const m of normalized.matchAll(idPattern(format))) {
    const id = format.prefix + m[1];
    if (found !== null && found !== id) return null;
    found = id;
  }
  return found;
}
function parseStartPayload(text) {
  if (typeof text !== "string") return null;
  const m = /^\s*\/start(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*?))?\s*$/i.exec(text.replace(INVISIBLE, ""));
  if (!m) return null;
  return m[1] ?? "";
}
export {
  CHAT_ID_ALPHABET,
  CHAT_ID_PATTERN,
  DEFAULT_FORMAT,
  DEFAULT_LENGTH,
  DEFAULT_PREFIX,
  TELEGRAM_RESERVED_PREFIX,
  chatIdFormatProblem,
  extractChatId,
  formatProblem,
  isChatId,
  normalizeForMatching,
  parseStartPayload
};
