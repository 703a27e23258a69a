#!/usr/bin/env node

// src/match/format.ts
import { customAlphabet } from "nanoid";
var CHAT_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
var DEFAULT_PREFIX = "CT";
var DEFAULT_LENGTH = 8;
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

// src/match/message.ts
function defaultMessage(lang) {
  return /^ru\b/i.test(lang) ? { message: "{text}\n\u041D\u043E\u043C\u0435\u0440 \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044F: {id}", greeting: "\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435!" } : { message: "{text}\nRequest ID: {id}", greeting: "Hello!" };
}

// src/match/rewrite.ts
var LINK = /^(?:(?:https?:)?\/\/(?:www\.)?(t\.me|telegram\.(?:me|dog)|wa\.me|(?:api|web)\.whatsapp\.com)(?::\d*)?(\/[^?#]*)?|(tg|whatsapp|viber):(?:\/\/)?(\w+)\/?)(?:\?[^#]*)?(?:#[\s\S]*)?$/i;
var USERNAME = /^(?!(joinchat|add(stickers|emoji|theme|list)|share|proxy|socks|login|invoice|boost|contact|setlanguage|confirmphone)$)[a-z](?!\w*__)\w{2,30}[a-z\d]$/i;
var NOT_A_CHAT = /[?&](start[a-z]|(ref|game|post)\b)/;
var TG_START = ["telegram", "start"];
var TG_TEXT = ["telegram", "text"];
var WA = ["whatsapp", "text"];
var MAX_START = 64;
var decode = (s) => decodeURIComponent(s.replace(/\+/g, " ").replace(/%(?![\da-f]{2})/gi, "%25"));
function bounds(url) {
  let end = url.indexOf("#");
  if (end < 0) end = url.length;
  const q = url.indexOf("?");
  return [q < 0 || q > end ? end : q, end];
}
function locate(url, [q, end], key) {
  for (let i = url.indexOf(key, q + 1); i > 0 && i < end; i = url.indexOf(key, i + 1)) {
    const after = url[i + key.length];
    if ((i - 1 === q || url[i - 1] === "&") && (i + key.length === end || after === "=" || after === "&")) {
      const amp = url.indexOf("&", i);
      return [i, amp < 0 || amp > end ? end : amp];
    }
  }
}
function param(url, b, key) {
  const at = locate(url, b, key);
  return at && decode(url.slice(at[0] + key.length + 1, at[1]));
}
var idPattern = (format) => RegExp(`(^|[^A-Za-z\\d])${format.prefix}[${CHAT_ID_ALPHABET}]{${format.length}}(?![A-Za-z\\d])`);
function renderMessage(template, text, id, greeting = "") {
  const t = text || greeting;
  return (/\{text\}/.test(template) || !t ? template : `{text}
${template}`).split("{text}").join(t).split("{id}").join(id).trim();
}
function kindOf(url, b, bots) {
  const m = LINK.exec(url);
  if (!m) return;
  try {
    const path = m[2] || "";
    const where = (m[1] || `${m[3]}:${m[4]}`).toLowerCase();
    const tg = where === "tg:resolve";
    if (tg || /^te|^t\./.test(where)) {
      const seg = tg ? ["", param(url, b, "phone"), param(url, b, "domain")] : /^\/(?:\+(\d{1,32})|([^/+]+))\/?$/.exec(path);
      const start = param(url, b, "start");
      if (!seg || NOT_A_CHAT.test(url.slice(b[0], b[1])) || /^_tgr_/.test(`${start}`)) return;
      const phone = seg[1];
      const user = seg[2];
      if (phone != null) return /^\d{1,32}$/.test(phone) ? TG_TEXT : void 0;
      if (user && USERNAME.test(user))
        return start != null || /bot$/i.test(user) || bots.some((b2) => b2.toLowerCase() === user.toLowerCase()) ? TG_START : TG_TEXT;
    } else if (where === "wa.me") {
      if (/^\/\d{1,15}\/?$/.test(path)) return WA;
    } else if (/^whatsapp:send$|\./.test(where)) {
      if (/^(\/send\/?)?$/i.test(path) && /\d/.test(`${param(url, b, "phone")}`)) return WA;
    } else if (where === "viber:chat") {
      if (/\d/.test(`${param(url, b, "number")}`)) return ["viber", locate(url, b, "text") ? "text" : "draft"];
    } else if (where === "viber:pa" && param(url, b, "chatURI")) return ["viber", "context"];
  } catch {
  }
}
var classify = (url, bots = []) => kindOf(url, bounds(url), bots);
function rewriter(o) {
  const ids = idPattern(o.format);
  const pairs = /* @__PURE__ */ new Map();
  const pair = (carrier, raw) => {
    const key = raw == null ? carrier : `${carrier}=${raw}`;
    let next = pairs.get(key);
    if (next == null) {
      const old = raw ? decode(raw) : "";
      let value = old;
      if (!old.includes(o.id))
        value = ids.test(old) ? old.replace(ids, `$1${o.id}`) : carrier === "start" || carrier === "context" ? old ? `${old.slice(0, MAX_START - o.id.length - 1)}-${o.id}` : o.id : renderMessage(o.message, old, o.id, o.greeting);
      next = value === old ? "" : `${carrier}=${encodeURIComponent(value)}`;
      pairs.set(key, next);
    }
    return next;
  };
  return (url) => {
    const b = bounds(url);
    const kind = kindOf(url, b, o.bots || []);
    if (!kind) return [url];
    try {
      const carrier = kind[1];
      const q = b[0];
      const end = b[1];
      const at = locate(url, b, carrier);
      const next = pair(carrier, at && url.slice(at[0] + carrier.length + 1, at[1]));
      if (!next) return [url, kind];
      return [
        at ? url.slice(0, at[0]) + next + url.slice(at[1]) : url.slice(0, end) + (q === end ? "?" : end - q === 1 || url[end - 1] === "&" ? "" : "&") + next + url.slice(end),
        kind
      ];
    } catch {
      return [url, kind];
    }
  };
}
var rewrite = (url, o) => rewriter(o)(url)[0];

// src/bridge/links.ts
var LINK_NAME = /^[a-z0-9-]{1,32}$/;
var LinkConfigError = class extends Error {
  name = "LinkConfigError";
};
var HINTS = [
  [
    /^(?:https?:)?\/\/(?:www\.)?(?:t\.me|telegram\.(?:me|dog))\/(?:\+(?!\d+\/?(?:[?#]|$))|joinchat\b)|^tg:(?:\/\/)?join\b/i,
    "it is an invite link, which has no parameter to carry a chat ID: link to the bot (t.me/<bot>) or the account (t.me/<username>) instead"
  ],
  [
    /^(?:https?:)?\/\/wa\.me\/message\//i,
    "a wa.me/message/\u2026 short link carries a fixed pre-filled text, not a per-visitor one: use https://wa.me/<phone digits> instead"
  ],
  [
    /^(?:https?:)?\/\/(?:www\.)?(?:t\.me|telegram\.(?:me|dog))\/(?:share|s|c|addstickers|addemoji|proxy|socks)\b|^tg:(?:\/\/)?(?:msg_url|share)\b/i,
    "it is a share, sticker, proxy or channel link, which opens no chat with you"
  ],
  [
    /^(?:https?:)?\/\/(?:www\.)?(?:t\.me|telegram\.(?:me|dog))\/[^/?#]+\/\d+/i,
    "it is a link to a channel post, which opens no chat with you"
  ],
  [
    /[?&](?:startapp|startgroup|startchannel|startattach|ref|game)\b/i,
    "it opens a Mini App, a group, a game or an affiliate program, not a chat whose first message can carry a chat ID"
  ],
  [/[?&]start=_tgr_/i, "its start value begins with _tgr_, which Telegram reserves for affiliate links"],
  [
    /^(?:(?:https?:)?\/\/(?:wa\.me|(?:api|web)\.whatsapp\.com)|whatsapp:)/i,
    "it has no phone number, so WhatsApp would offer to share the text with anyone instead of opening your chat: use https://wa.me/<phone digits>"
  ]
];
function linkProblem(url) {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return "it must be an absolute messenger link with its scheme, e.g. https://t.me/shop_bot or viber://pa?chatURI=shop";
  }
  if (/[^\x21-\x7e]/.test(url)) {
    return "it contains a space, a control character or a non-ASCII character: percent-encode it (e.g. text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82)";
  }
  if (classify(url)) return trialRewrite(url);
  for (const [pattern, reason] of HINTS) if (pattern.test(url)) return reason;
  return "it is not a link to a Telegram bot or account, a WhatsApp number or a Viber chat or bot that a chat ID can be written into";
}
var TRIAL_ID = `${DEFAULT_FORMAT.prefix}${"2".repeat(DEFAULT_FORMAT.length)}`;
var trial = rewriter({ id: TRIAL_ID, format: DEFAULT_FORMAT, ...defaultMessage("en") });
function trialRewrite(url) {
  const [out] = trial(url);
  return out !== url && out.includes(TRIAL_ID) ? null : "its existing start, text, draft or context value cannot be extended (malformed percent-encoding?)";
}
function parseLinkSpec(spec) {
  const eq = spec.indexOf("=");
  const name = eq < 0 ? "" : spec.slice(0, eq).trim();
  const url = eq < 0 ? "" : spec.slice(eq + 1).trim();
  if (eq < 0 || !url) {
    throw new LinkConfigError(`link ${JSON.stringify(spec)} must be NAME=URL, e.g. promo=https://t.me/shop_bot`);
  }
  return [name, url];
}
function checkLink(name, url) {
  if (!LINK_NAME.test(name)) {
    throw new LinkConfigError(
      `link name ${JSON.stringify(name)} must be 1\u201332 characters of lower-case a-z, 0-9 and -, e.g. promo or autumn-2026`
    );
  }
  const problem = linkProblem(url);
  const kind = classify(url);
  if (problem || !kind) throw new LinkConfigError(`link ${name}: ${JSON.stringify(url)} is refused: ${problem}`);
  return { name, url, kind };
}
function linkTable(entries) {
  const links = /* @__PURE__ */ new Map();
  for (const [name, url] of entries) {
    const link = checkLink(name, url);
    if (links.has(link.name)) throw new LinkConfigError(`link name ${JSON.stringify(link.name)} is given twice`);
    links.set(link.name, link);
  }
  return links;
}
var splitLinkList = (value) => (value ?? "").split(/,(?=\s*[^\s,=]+=[a-z][a-z0-9+.-]*:)/i).map((s) => s.trim()).filter((s) => /[^\s,]/.test(s));

export {
  CHAT_ID_ALPHABET,
  DEFAULT_FORMAT,
  newChatId,
  chatIdFormatProblem,
  isChatId,
  defaultMessage,
  rewrite,
  LINK_NAME,
  LinkConfigError,
  parseLinkSpec,
  linkTable,
  splitLinkList
};
