#!/usr/bin/env node
import {
  CHAT_PLATFORMS,
  CSV_COLUMNS,
  METRICA_ID_COLUMNS,
  PARTNER_CSV_COLUMNS
} from "./chunk-5GHHCO5G.js";

// src/domain/problem.ts
var expected = (what, hint) => hint ? { expected: what, hint } : { expected: what };
var describeVerdict = (v) => `expected ${v.expected}${v.hint ? ` (${v.hint})` : ""}`;

// src/domain/text.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
var CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/;
var characterCount = (value) => [...value].length;
function textProblem(value, options = {}) {
  if (LONE_SURROGATE.test(value)) return "contains a broken Unicode character (a lone surrogate or U+FFFD)";
  if ((options.multiline ? CONTROL_MULTILINE : CONTROL).test(value)) {
    return "contains control or direction-override characters";
  }
  return null;
}
var segmenter = new Intl.Segmenter(void 0, { granularity: "grapheme" });
function cutToCharacters(value, max) {
  if (characterCount(value) <= max) return value;
  let out = "";
  let count = 0;
  for (const { segment } of segmenter.segment(value)) {
    const n = characterCount(segment);
    if (count + n > max) break;
    out += segment;
    count += n;
  }
  return out;
}
var CONTROL_ALL = new RegExp(CONTROL.source, "g");
var LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, "g");
function cleanText(value, max) {
  const clean = cutToCharacters(value.replace(LONE_SURROGATE_ALL, "").replace(CONTROL_ALL, "").trim(), max);
  return clean === "" ? void 0 : clean;
}

// src/domain/metrica-ids.ts
var CLIENT_ID_PATTERN = /^[0-9]{17,19}$/;
var YCLID_PATTERN = /^[0-9]{1,24}$/;
var SITE_ID_MAX_LENGTH = 100;
function clientIdVerdict(value) {
  if (CLIENT_ID_PATTERN.test(value)) return null;
  const float = /[.eE]/.test(value) ? "it looks like a number that went through a spreadsheet or a float" : void 0;
  return expected("17 to 19 digits kept as text", float);
}
function yclidVerdict(value) {
  return YCLID_PATTERN.test(value) ? null : expected("the digits of the Yandex Direct click ID (1 to 24 digits)");
}
function siteIdVerdict(value) {
  if (value.trim() === "") return expected(`1 to ${SITE_ID_MAX_LENGTH} characters, not only spaces`);
  const n = characterCount(value);
  if (n > SITE_ID_MAX_LENGTH) return expected(`at most ${SITE_ID_MAX_LENGTH} characters`, `it has ${n}`);
  const bad = textProblem(value);
  return bad ? expected("text without control characters", bad) : null;
}
var hasMetricaId = (ids) => Boolean(ids.clientId || ids.userId || ids.yclid || ids.purchaseId);

// src/domain/phone.ts
var SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u2060.()[\]/\u2010-\u2015-]/g;
var DOMESTIC_RU_KZ = /^8([79][0-9]{9})$/;
function normalizePhone(raw) {
  let s = raw.replace(SEPARATORS, "");
  if (s.startsWith("+")) s = s.slice(1);
  else if (s.startsWith("00")) s = s.slice(2);
  else {
    const domestic = DOMESTIC_RU_KZ.exec(s);
    if (domestic) s = `7${domestic[1]}`;
  }
  return /^[1-9][0-9]{6,14}$/.test(s) ? `+${s}` : null;
}
function phoneColumnVerdict(value) {
  if (/^\+?[0-9]{7,15}$/.test(value)) return null;
  const normal = normalizePhone(value);
  return expected(
    "+ and 7 to 15 digits with the country code, e.g. +79161234567",
    normal ? `write it ${normal}` : void 0
  );
}

// src/domain/currency.ts
var ISO_4217 = new Set(
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL".split(" ")
);
function currencyVerdict(value) {
  if (ISO_4217.has(value)) return null;
  const upper = ISO_4217.has(value.toUpperCase()) ? `write it in capitals: ${value.toUpperCase()}` : void 0;
  return expected("a three-letter ISO 4217 code such as RUB", upper);
}
function normalizeCurrency(value) {
  const upper = value.trim().toUpperCase();
  return ISO_4217.has(upper) ? upper : null;
}

// src/domain/chat-row.ts
var MIN_DATE_TIME = 946684800;
var TAG_MAX_LENGTH = 100;
var URL_MAX_LENGTH = 2048;
var USERNAME_MAX_LENGTH = 100;
var PARTNER_USER_ID_MAX_LENGTH = 128;
var isChatPlatform = (value) => typeof value === "string" && CHAT_PLATFORMS.includes(value);
function platformVerdict(value) {
  if (isChatPlatform(value)) return null;
  return expected(
    `one of ${CHAT_PLATFORMS.join(", ")}`,
    isChatPlatform(value.toLowerCase()) ? "in lower case" : void 0
  );
}
function dateTimeVerdict(value, nowSeconds) {
  if (!/^[0-9]{1,12}$/.test(value)) {
    return expected(
      "an integer of Unix seconds, e.g. 1687005600",
      value.length >= 13 ? "milliseconds? expected seconds" : void 0
    );
  }
  const n = Number(value);
  if (n > 1e11 || n > nowSeconds && value.length >= 13)
    return expected("Unix seconds", "milliseconds? divide by 1000");
  if (n < MIN_DATE_TIME) return expected("Unix seconds after 2000-01-01", `got ${value}`);
  if (n > nowSeconds)
    return expected(
      `a time that has passed (now is ${nowSeconds})`,
      "it is in the future; Metrica accepts only past times"
    );
  return null;
}
function usernameVerdict(value) {
  const n = characterCount(value);
  if (n > USERNAME_MAX_LENGTH) return expected(`at most ${USERNAME_MAX_LENGTH} characters`, `it has ${n}`);
  const bad = textProblem(value);
  return bad ? expected("a name without control characters", bad) : null;
}
function partnerUserIdVerdict(value) {
  if (value.length > PARTNER_USER_ID_MAX_LENGTH) return expected(`at most ${PARTNER_USER_ID_MAX_LENGTH} characters`);
  if (/\s/.test(value) || textProblem(value)) return expected("an ID without spaces or control characters");
  return null;
}
var answeredVerdict = (value) => value === "0" || value === "1" ? null : expected("1 (answered) or 0 (not answered)");
function tagVerdict(value) {
  const n = characterCount(value);
  if (n > TAG_MAX_LENGTH) return expected(`at most ${TAG_MAX_LENGTH} characters`, `it is ${n} characters long`);
  const bad = textProblem(value);
  return bad ? expected("tags without control characters", bad) : null;
}
function priceVerdict(value) {
  if (/^[0-9]{1,15}(\.[0-9]{1,4})?$/.test(value)) return null;
  const comma = /^[0-9]+,[0-9]+$/.test(value) ? "use a full stop, not a comma" : void 0;
  return expected("a non-negative amount with a full stop, e.g. 1500.00", comma);
}
function urlVerdict(value) {
  const what = "an absolute http:// or https:// URL";
  if (value.length > URL_MAX_LENGTH) return expected(`${what} of at most ${URL_MAX_LENGTH} characters`);
  let url = null;
  try {
    url = new URL(value);
  } catch {
  }
  if (url === null || url.protocol !== "http:" && url.protocol !== "https:") return expected(what);
  if (!/^https?:\/\/[^\s/?#\\]\S*$/i.test(value)) return expected(what, "write it as https://host/path");
  return null;
}
var COLUMN_RULES = {
  ClientID: clientIdVerdict,
  UserID: siteIdVerdict,
  Yclid: yclidVerdict,
  PurchaseID: siteIdVerdict,
  ChatUsername: usernameVerdict,
  ChatUserID: partnerUserIdVerdict,
  PhoneNumber: phoneColumnVerdict,
  ChatAnswered: answeredVerdict,
  Tag: tagVerdict,
  Price: priceVerdict,
  Currency: currencyVerdict,
  URL: urlVerdict,
  MessengerTrackerURL: urlVerdict
};
function checkChatRecord(record, nowSeconds) {
  const out = [];
  const get = (c) => record[c] ?? "";
  const add = (column, value, verdict) => {
    if (verdict) out.push({ column, value, message: describeVerdict(verdict) });
  };
  const dateTime = get("DateTime");
  if (dateTime === "")
    out.push({ column: "DateTime", value: "", message: "is required: the chat time in Unix seconds" });
  else add("DateTime", dateTime, dateTimeVerdict(dateTime, nowSeconds));
  add("ChatPlatform", get("ChatPlatform"), platformVerdict(get("ChatPlatform")));
  if (PARTNER_CSV_COLUMNS.every((c) => get(c) === "")) {
    out.push({ column: PARTNER_CSV_COLUMNS.join("/"), value: "", message: "at least one chat partner ID is required" });
  }
  for (const column of CSV_COLUMNS) {
    const rule = COLUMN_RULES[column];
    const value = get(column);
    if (rule && value !== "") add(column, value, rule(value));
  }
  return out;
}
var isAttributed = (record) => METRICA_ID_COLUMNS.some((c) => (record[c] ?? "") !== "");

// src/domain/identity.ts
import { createHash } from "node:crypto";
function partnersOf(input) {
  const refs = [];
  if (input.chatUserId) refs.push({ kind: "ChatUserID", value: input.chatUserId });
  if (input.chatUsername) refs.push({ kind: "ChatUsername", value: input.chatUsername });
  if (input.phoneNumber) refs.push({ kind: "PhoneNumber", value: input.phoneNumber });
  return refs;
}
function chatKey(dateTime, platform, partner) {
  return createHash("sha256").update(`${dateTime}\0${platform}\0${partner.kind}\0${partner.value}`).digest("base64url").slice(0, 32);
}
function strictUpdateKey(row) {
  return [row.DateTime ?? "", row.ChatPlatform ?? "", ...PARTNER_CSV_COLUMNS.map((c) => row[c] ?? "")].join("\0");
}

// src/domain/upload-comment.ts
var COMMENT_MAX_LENGTH = 255;
var COMMENT_CHARACTERS = /^[0-9A-Za-z\u0400-\u04ff ]*$/;
function uploadCommentVerdict(comment) {
  const n = characterCount(comment);
  if (n > COMMENT_MAX_LENGTH) return expected(`at most ${COMMENT_MAX_LENGTH} characters`, `it has ${n}`);
  if (!COMMENT_CHARACTERS.test(comment)) {
    const bad = [...comment].find((c) => !COMMENT_CHARACTERS.test(c)) ?? "";
    return expected("digits, Latin and Cyrillic letters and spaces only", `${JSON.stringify(bad)} is not allowed`);
  }
  return null;
}

export {
  currencyVerdict,
  normalizeCurrency,
  characterCount,
  textProblem,
  cleanText,
  clientIdVerdict,
  yclidVerdict,
  siteIdVerdict,
  hasMetricaId,
  normalizePhone,
  TAG_MAX_LENGTH,
  URL_MAX_LENGTH,
  isChatPlatform,
  dateTimeVerdict,
  usernameVerdict,
  partnerUserIdVerdict,
  tagVerdict,
  priceVerdict,
  urlVerdict,
  checkChatRecord,
  isAttributed,
  partnersOf,
  chatKey,
  strictUpdateKey,
  COMMENT_MAX_LENGTH,
  uploadCommentVerdict
};
