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

// src/match/clean.ts
var INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u180E]|\u034F/g;
var ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
var BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
function removeBidiControls(text) {
  return text.replace(BIDI_CONTROLS, "");
}
function removeInvisible(text) {
  return text.replace(INVISIBLE, "");
}
function plainSpaces(text) {
  return text.replace(ODD_SPACES, " ");
}
function cleanCopiedValue(text) {
  return plainSpaces(removeInvisible(text)).trim();
}

// src/match/fold.ts
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
var DASHES = /* @__PURE__ */ new Set(["-", "\u2010", "\u2011", "\u2013", "\u2212"]);
var FULL_WIDTH_FIRST = 65281;
var FULL_WIDTH_LAST = 65374;
var FULL_WIDTH_OFFSET = 65248;
var LETTER = /^\p{L}$/u;
var LATIN_LETTER = /^\p{Script=Latin}$/u;
var DIGIT_OR_MARK = /^[\p{N}\p{M}]$/u;
var ASCII_KINDS = Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  if (/[A-Za-z0-9]/.test(c)) return "latin";
  if (c === " " || c === "	") return "space";
  return c === "-" ? "dash" : "other";
});
function foldChar(c, out) {
  let code = c.codePointAt(0) ?? 0;
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) code -= FULL_WIDTH_OFFSET;
  if (code < 128) {
    const kind = ASCII_KINDS[code];
    out.chars.push(kind === "latin" ? String.fromCharCode(code).toUpperCase() : String.fromCharCode(code));
    out.kinds.push(kind);
    return;
  }
  const lookAlike = LOOK_ALIKES[c];
  out.chars.push(lookAlike ?? c);
  out.kinds.push(lookAlike ? "lookalike" : kindOf(c));
}
var KIND_CACHE = /* @__PURE__ */ new Map();
var KIND_CACHE_LIMIT = 4096;
function kindOf(c) {
  let kind = KIND_CACHE.get(c);
  if (kind) return kind;
  kind = "other";
  if (DASHES.has(c)) kind = "dash";
  else if (LETTER.test(c)) kind = LATIN_LETTER.test(c) ? "word" : "foreign";
  else if (DIGIT_OR_MARK.test(c)) kind = "word";
  if (KIND_CACHE.size < KIND_CACHE_LIMIT) KIND_CACHE.set(c, kind);
  return kind;
}
function foldText(text) {
  const out = { chars: [], kinds: [] };
  for (const c of plainSpaces(removeInvisible(text))) foldChar(c, out);
  return out;
}

// src/match/extract.ts
var MAX_TEXT = 65536;
var MAX_SPACES_INSIDE = 3;
var MIN_LETTER_DIGIT_CHANGES = 2;
var MIN_PIECE = 2;
var LATIN_THEN_CYRILLIC = /^L+C+$/;
var isDigit = (c) => c >= "0" && c <= "9";
function letterDigitChanges(body, slipAt) {
  let changes = 0;
  for (let k = 1; k < body.length; k++) {
    if (k !== slipAt && isDigit(body[k]) !== isDigit(body[k - 1])) changes++;
  }
  return changes;
}
function neighbour(kind) {
  if (kind === "latin" || kind === "word") return "block";
  if (kind === "lookalike" || kind === "foreign") return "glue";
  return "edge";
}
function slipLength(t, j) {
  let k = j;
  while (k - j < MAX_SPACES_INSIDE && t.kinds[k] === "space") k++;
  if (t.kinds[k] !== "dash") return k - j;
  if (k - j > 1) return 0;
  k++;
  if (t.kinds[k] === "space") k++;
  return k - j;
}
function readAt(t, i, prefix, format) {
  let j = i;
  let scripts = "";
  const note = (c, kind) => {
    if (!isDigit(c) && (kind === "latin" || kind === "lookalike")) scripts += kind === "latin" ? "L" : "C";
  };
  for (const p of prefix) {
    if (t.chars[j] !== p) return null;
    note(p, t.kinds[j]);
    j++;
  }
  const body = [];
  let slipAt = -1;
  while (body.length < format.length) {
    const c = t.chars[j];
    const kind = t.kinds[j];
    if (c !== void 0 && (kind === "latin" || kind === "lookalike") && CHAT_ID_ALPHABET.includes(c)) {
      note(c, kind);
      body.push(c);
      j++;
      continue;
    }
    const slip = slipAt === -1 ? slipLength(t, j) : 0;
    if (slip === 0) return null;
    slipAt = body.length;
    j += slip;
  }
  const before = neighbour(t.kinds[i - 1]);
  const after = neighbour(t.kinds[j]);
  if (before === "block" || after === "block") return null;
  if (LATIN_THEN_CYRILLIC.test(scripts)) return null;
  const id = format.prefix + body.join("");
  const glued = before === "glue" || after === "glue";
  if (slipAt === -1 && !glued) return { id, repair: null, end: j };
  if (slipAt !== -1 && glued) return null;
  if (scripts.includes("C") || prefix.length === 0 || letterDigitChanges(body, slipAt) < MIN_LETTER_DIGIT_CHANGES)
    return null;
  if (slipAt !== -1 && (prefix.length + slipAt < MIN_PIECE || format.length - slipAt < MIN_PIECE)) return null;
  return { id, repair: slipAt === -1 ? "glued" : "split", end: j };
}
function findChatIds(text, format = DEFAULT_FORMAT) {
  if (typeof text !== "string" || text.length === 0) return [];
  const t = foldText(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  const prefix = format.prefix.toUpperCase();
  const found = /* @__PURE__ */ new Map();
  for (let i = 0; i < t.chars.length; ) {
    const reading = prefix.length === 0 || t.chars[i] === prefix[0] ? readAt(t, i, prefix, format) : null;
    if (!reading) {
      i++;
      continue;
    }
    if (!found.has(reading.id) || reading.repair === null) found.set(reading.id, reading.repair);
    i = reading.end;
  }
  return [...found].map(([id, repair]) => ({ id, repair }));
}
function extractChatId(text, format = DEFAULT_FORMAT) {
  const candidates = findChatIds(text, format);
  return candidates.length === 1 ? candidates[0].id : null;
}
function normalizeForMatching(text) {
  return foldText(text).chars.join("");
}
function parseStartPayload(text) {
  if (typeof text !== "string") return null;
  const m = /^\s*\/start(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*?))?\s*$/i.exec(removeInvisible(text));
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
  cleanCopiedValue,
  extractChatId,
  findChatIds,
  formatProblem,
  isChatId,
  normalizeForMatching,
  parseStartPayload,
  plainSpaces,
  removeBidiControls,
  removeInvisible
};
