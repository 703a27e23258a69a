#!/usr/bin/env node
import {
  CHAT_ID_ALPHABET,
  DEFAULT_FORMAT
} from "./chunk-SQIISFSD.js";
import {
  EXIT,
  UsageError,
  parseCommandArgs
} from "./chunk-THAAWAOL.js";

// src/cli/link.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

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
var decode = (s) => decodeURIComponent(s.replace(/\+/g, " "));
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
    const link2 = checkLink(name, url);
    if (links.has(link2.name)) throw new LinkConfigError(`link name ${JSON.stringify(link2.name)} is given twice`);
    links.set(link2.name, link2);
  }
  return links;
}
var splitLinkList = (value) => (value ?? "").split(/,(?=\s*[^\s,=]+=[a-z][a-z0-9+.-]*:)/i).map((s) => s.trim()).filter((s) => /[^\s,]/.test(s));

// src/bridge/qr.ts
import { renderSVG } from "uqr";
function bridgeUrl(base, name) {
  if (!LINK_NAME.test(name)) {
    throw new Error(`link name ${JSON.stringify(name)} must be 1\u201332 characters of lower-case a-z, 0-9 and -`);
  }
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(
      `--base must be the collector's public address, e.g. https://go.example.com, got ${JSON.stringify(base)}`
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`--base must be an http(s) address, got the scheme ${JSON.stringify(url.protocol)}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `--base must be a plain address with no query, fragment or credentials, got ${JSON.stringify(base)}`
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}/go/${name}`;
}
var qrSvg = (text) => `${renderSVG(text, { ecc: "M", border: 4, pixelSize: 10 })}
`;

// src/cli/link.ts
var LINK_HELP = `Usage: metrica-chats link qr <name> --base <url> [--out <file>]

Bridge links (serve --link NAME=URL) send a visitor from an ad, a QR code or an e-mail straight to
a messenger, through the collector's /go/<name>, which pairs a fresh chat ID with the ad click first.

Commands:
  qr <name>          Write an SVG QR code of <base>/go/<name>, for print, packaging and desktops

Options:
  --base <url>       The collector's public address, with its path prefix if it has one,
                     e.g. https://go.example.com (required)
  --out <file>       Where to write the SVG (default <name>.svg; - for standard output)
  -h, --help         Show this help

When METRICA_CHATS_LINKS is set, a name that is not in it is refused: its QR code would lead to a 404.
`;
var link = async (args, io) => {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      base: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: true
  });
  if (values.help) {
    io.stdout.write(LINK_HELP);
    return EXIT.ok;
  }
  const [action, name, ...extra] = positionals;
  if (action !== "qr") {
    throw new UsageError(
      action === void 0 ? "say what to do: link qr <name>" : `unknown link command ${JSON.stringify(action)}; expected qr`
    );
  }
  if (name === void 0)
    throw new UsageError("link qr needs the link name, e.g. link qr promo --base https://go.example.com");
  if (extra.length > 0) throw new UsageError(`link qr takes one name, got also ${JSON.stringify(extra.join(" "))}`);
  if (!LINK_NAME.test(name)) {
    throw new UsageError(`link name ${JSON.stringify(name)} must be 1\u201332 characters of lower-case a-z, 0-9 and -`);
  }
  if (values.base === void 0)
    throw new UsageError("--base is required: the collector\u2019s public address, e.g. https://go.example.com");
  const configured = io.env.METRICA_CHATS_LINKS;
  if (configured?.trim()) {
    let names;
    try {
      names = [...linkTable(splitLinkList(configured).map(parseLinkSpec)).keys()];
    } catch (error) {
      if (error instanceof LinkConfigError) throw new UsageError(`METRICA_CHATS_LINKS: ${error.message}`);
      throw error;
    }
    if (!names.includes(name)) {
      throw new UsageError(
        `link ${JSON.stringify(name)} is not in METRICA_CHATS_LINKS (${names.join(", ")}): its QR code would lead to a 404`
      );
    }
  }
  let url;
  try {
    url = bridgeUrl(values.base, name);
  } catch (error) {
    throw new UsageError(error.message);
  }
  const svg = qrSvg(url);
  const out = values.out ?? `${name}.svg`;
  if (out === "-") {
    io.stdout.write(svg);
    return EXIT.ok;
  }
  const path = resolve(io.cwd, out);
  writeFileSync(path, svg);
  io.stdout.write(`Wrote ${out}: the QR code of ${url}
`);
  return EXIT.ok;
};
export {
  LINK_HELP,
  link
};
