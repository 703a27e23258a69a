import {
  CHAT_ID_ALPHABET
} from "./chunks/chunk-PLOT52M7.js";

// src/page/config.ts
var ID = /^(?![\s\S]*([\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]))[^\0-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]{1,100}$/;
var RULES = {
  // No prototype: `constructor` or `toString` in a config is an unknown key, not a lookup of Object's.
  __proto__: null,
  endpoint: /^(https?:\/\/[^/?#\s]+|\/(?![/\\]))\S*$/i,
  counterId: /^[1-9]\d{0,11}$/,
  consent: /^(required|granted)$/,
  debug: /^(true|false)$/,
  prefix: /^(?!_tgr_)[\w-]{0,32}$/,
  length: /^([6-9]|[12]\d|3[0-2])$/,
  lifetimeDays: /^[1-9]\d{0,3}$/,
  cookieDomain: /^\.?[a-z\d-]+(\.[a-z\d-]+)+$/i,
  // Telegram usernames: a letter, then letters, digits or `_`; 4 to 32 in all, as rewrite.ts accepts.
  bots: /^\[("[a-z]\w{3,31}",?)*\]$/i,
  message: /^(?=[\s\S]*\{id\})[\s\S]{4,500}$/,
  userId: ID,
  purchaseId: ID
};
function validateConfig(raw) {
  const c = { prefix: "CT", length: 8, lifetimeDays: 90, bots: [] };
  if (!(raw && raw.endpoint)) return "endpoint: required";
  for (const k in raw) {
    const v = raw[k];
    if (v == null) continue;
    if (!RULES[k] || typeof v === "object" && k !== "bots" || typeof v === "boolean" && k !== "debug" || !RULES[k].test(k === "bots" ? JSON.stringify(v) : `${v}`)) {
      return `${k}: ${RULES[k] ? `expected ${RULES[k]}, got ${JSON.stringify(v)}` : "unknown key"}`;
    }
    c[k] = k === "bots" ? v : `${v}`;
  }
  c.debug = c.debug === "true";
  c.length = +c.length;
  c.lifetimeDays = +c.lifetimeDays;
  return c;
}
var warn = (message) => console.warn(`[metrica-chats] ${message}`);

// src/page/beacon.ts
function send(endpoint, body) {
  try {
    if (navigator.sendBeacon(endpoint, body)) return;
  } catch {
  }
  fetch(endpoint, { method: "POST", body, keepalive: true }).catch(() => 0);
}

// src/page/chat-id.ts
import { customAlphabet } from "nanoid";

// src/page/storage.ts
import Cookies from "js-cookie";

// src/page/safe.ts
function attempt(f, fallback) {
  try {
    return f();
  } catch {
    return fallback;
  }
}

// src/page/storage.ts
var getCookie = (name) => attempt(() => Cookies.get(name));
var setCookie = (name, value, days, domain) => attempt(() => Cookies.set(name, value, { expires: days, sameSite: "lax", domain }));
var getItem = (name) => attempt(() => localStorage.getItem(name));
var setItem = (name, value) => attempt(() => localStorage.setItem(name, value));

// src/page/chat-id.ts
var CHAT_ID_KEY = "_mc_chat";
var newChatId = (format) => format.prefix + customAlphabet(CHAT_ID_ALPHABET, format.length)();
var chatIdRegExp = (format) => RegExp(`^${format.prefix}[${CHAT_ID_ALPHABET}]{${format.length}}$`);
function loadChatId(format, days, domain) {
  const re = chatIdRegExp(format);
  let id = getCookie(CHAT_ID_KEY);
  if (!re.test(id)) id = getItem(CHAT_ID_KEY);
  if (!re.test(id)) id = newChatId(format);
  setCookie(CHAT_ID_KEY, id, days, domain);
  setItem(CHAT_ID_KEY, id);
  return id;
}

// src/page/dom.ts
var LINKS = "a[href]";
var each = (fix) => document.querySelectorAll(LINKS).forEach(fix);
var WATCH = { childList: true, subtree: true, attributeFilter: ["href"] };
function observe(rescan) {
  const mo = new MutationObserver(rescan);
  mo.observe(document, WATCH);
  return mo;
}
function unobserved(mo, pass) {
  mo?.disconnect();
  try {
    pass();
  } finally {
    mo?.observe(document, WATCH);
  }
}
function onLinkClick(handle) {
  const h = (e) => {
    attempt(() => {
      const a = e.target.closest(LINKS);
      if (a) handle(a);
    });
  };
  document.addEventListener("click", h, true);
  document.addEventListener("auxclick", h, true);
}
function wrapOpen(decorate) {
  const open = window.open;
  window.open = function(...args) {
    if (args[0]) args[0] = decorate(`${args[0]}`);
    return open.apply(this, args);
  };
}

// src/page/message.ts
function defaultMessage(lang) {
  return /^ru\b/i.test(lang) ? { message: "{text}\n\u041D\u043E\u043C\u0435\u0440 \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044F: {id}", greeting: "\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435!" } : { message: "{text}\nRequest ID: {id}", greeting: "Hello!" };
}

// src/page/metrica.ts
var YCLID_KEY = "_mc_yclid";
var YCLID_DAYS = 90;
var cleanClientId = (v) => (/^"?(\d{5,20})"?$/.exec(v) || [])[1];
var storedClientId = () => cleanClientId(getCookie("_ym_uid")) || cleanClientId(getItem("_ym_uid"));
var askMetrica = (counterId, found) => attempt(
  () => window.ym(+counterId, "getClientID", (v) => {
    const id = cleanClientId(v);
    if (id) found(id);
  })
);
function loadYclid(search, domain) {
  const m = /[?&]yclid=(\d{1,30})(&|$)/.exec(search);
  if (m) setCookie(YCLID_KEY, m[1], YCLID_DAYS, domain);
  return m ? m[1] : cleanYclid(getCookie(YCLID_KEY));
}
var cleanYclid = (v) => (/^\d{1,30}$/.exec(v) || [])[0];

// src/page/rewrite.ts
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
      const start2 = param(url, b, "start");
      if (!seg || NOT_A_CHAT.test(url.slice(b[0], b[1])) || /^_tgr_/.test(`${start2}`)) return;
      const phone = seg[1];
      const user = seg[2];
      if (phone != null) return /^\d{1,32}$/.test(phone) ? TG_TEXT : void 0;
      if (user && USERNAME.test(user))
        return start2 != null || /bot$/i.test(user) || bots.some((b2) => b2.toLowerCase() === user.toLowerCase()) ? TG_START : TG_TEXT;
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

// src/page/core.ts
var MAX_URL = 2048;
function start(c) {
  const log = (...a) => {
    if (c?.debug) console.info("[metrica-chats]", ...a);
  };
  const guard = (f) => {
    try {
      f();
    } catch (e) {
      log(e);
    }
  };
  const sent = {};
  let id = "";
  let clientId;
  let yclid;
  const ids = { userId: c?.userId, purchaseId: c?.purchaseId };
  let platform;
  let seen;
  let on;
  let rw;
  const sync = (click) => {
    if (on && (click || (seen || platform) && (clientId || yclid || ids.userId || ids.purchaseId))) {
      const b = {
        v: 1,
        chatId: id,
        clientId,
        yclid,
        userId: ids.userId,
        purchaseId: ids.purchaseId,
        counterId: c.counterId,
        // Without the fragment: it is not a new page view, and may hold a token (OAuth implicit flow).
        url: location.href.split("#")[0].slice(0, MAX_URL),
        referrer: document.referrer.slice(0, MAX_URL) || void 0,
        platform,
        ts: 0
      };
      const key = JSON.stringify(b);
      if (!sent[key]) {
        sent[key] = 1;
        b.ts = Date.now();
        send(c.endpoint, JSON.stringify(b));
        log(b);
      }
    }
  };
  const ask = () => c.counterId && askMetrica(
    c.counterId,
    (v) => guard(() => {
      if (v !== clientId) {
        clientId = v;
        sync();
      }
    })
  );
  const leaving = (kind) => {
    if (kind && on) {
      clientId = clientId || storedClientId();
      ask();
      platform = kind[0];
      sync(1);
    }
  };
  const memo = /* @__PURE__ */ new Map();
  const fix = (a) => {
    const href = a.getAttribute("href");
    let r = memo.get(href);
    if (!r) {
      r = rw(href);
      memo.set(href, r);
      memo.set(r[0], r);
    }
    if (r[0] !== href) a.setAttribute("href", r[0]);
    if (r[1] && !seen) {
      seen = 1;
      sync();
    }
    return r[1];
  };
  let mo;
  const scan = () => {
    if (on) unobserved(mo, () => each(fix));
  };
  const decorateAndSend = (url) => {
    guard(() => {
      if (rw) {
        const r = rw(url);
        url = r[0];
        leaving(r[1]);
      }
    });
    return url;
  };
  const begin = () => {
    if (on || !c) return;
    on = 1;
    const lang = defaultMessage(document.documentElement.lang);
    const format = { prefix: c.prefix, length: c.length };
    id = loadChatId(format, c.lifetimeDays, c.cookieDomain);
    rw = rewriter({
      id,
      format,
      message: c.message || lang.message,
      greeting: c.message ? "" : lang.greeting,
      bots: c.bots
    });
    yclid = loadYclid(location.search, c.cookieDomain);
    clientId = storedClientId();
    ask();
    document.addEventListener(`yacounter${c.counterId}inited`, () => guard(ask));
    scan();
    mo = observe(() => guard(scan));
    onLinkClick((a) => guard(() => leaving(fix(a))));
    wrapOpen(decorateAndSend);
    log(id, clientId, yclid);
  };
  const setId = (key, v) => guard(() => {
    const r = validateConfig({ endpoint: "/", [key]: v });
    if (typeof r === "string") warn(r);
    else {
      ids[key] = r[key];
      sync();
    }
  });
  if (c && c.consent !== "required") guard(begin);
  return {
    getChatId: () => id,
    decorate: decorateAndSend,
    setUserId: (v) => setId("userId", v),
    setPurchaseId: (v) => setId("purchaseId", v),
    grantConsent: () => guard(begin),
    scan: () => guard(scan)
  };
}

// src/page/index.ts
var running;
var INSTANCE = /* @__PURE__ */ Symbol.for("metrica-chats");
function init(config) {
  const registry = document;
  if (!running) {
    try {
      running = registry[INSTANCE];
      if (running) warn("another copy is running: this config is ignored");
      else {
        const c = validateConfig(config);
        if (typeof c === "string") {
          warn(`${c}. The script stays off.`);
          running = start();
        } else {
          running = start(c);
          registry[INSTANCE] = running;
        }
      }
    } catch {
      running = start();
    }
  }
  return running;
}
export {
  classify,
  defaultMessage,
  init,
  newChatId,
  renderMessage,
  rewrite,
  validateConfig
};
