import {
  CHAT_ID_ALPHABET
} from "./chunks/chunk-PLOT52M7.js";

// src/page/config.ts
var RULES = {
  endpoint: /^(https?:\/\/[^/?#\s]+|\/(?![/\\]))\S*$/i,
  counterId: /^[1-9]\d{0,11}$/,
  consent: /^(required|granted)$/,
  debug: /^(true|false)$/,
  prefix: /^(?!_tgr_)[\w-]{0,32}$/,
  length: /^([6-9]|[12]\d|3[0-2])$/,
  lifetimeDays: /^[1-9]\d{0,3}$/,
  cookieDomain: /^\.?[a-z\d-]+(\.[a-z\d-]+)+$/i,
  bots: /^[\w,]*$/,
  message: /^(?=[\s\S]*\{id\})[\s\S]{4,500}$/,
  userId: /^.{1,100}$/,
  purchaseId: /^.{1,100}$/
};
function validateConfig(raw) {
  const c = { prefix: "CT", length: 8, lifetimeDays: 90, bots: [] };
  if (!(raw && raw.endpoint)) return "endpoint: required";
  for (const k in raw) {
    const v = raw[k];
    if (v == null) continue;
    if (!RULES[k] || typeof v === "object" !== (k === "bots") || typeof v === "boolean" && k !== "debug" || !RULES[k].test(`${v}`)) {
      return `${k}: ${RULES[k] ? `expected ${RULES[k]}, got ${JSON.stringify(v)}` : "unknown key"}`;
    }
    c[k] = k === "bots" ? v : `${v}`;
  }
  c.debug = `${c.debug}` === "true";
  c.length = +c.length;
  c.lifetimeDays = +c.lifetimeDays;
  return c;
}

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

// src/page/safe.ts
function attempt(f, fallback) {
  try {
    return f();
  } catch {
    return fallback;
  }
}

// src/page/storage.ts
var getCookie = (name) => attempt(() => (RegExp(`(?:^|; )${name}=([^;]*)`).exec(document.cookie) || [])[1]);
var setCookie = (name, value, days, domain) => attempt(() => {
  document.cookie = `${name}=${value};path=/;max-age=${days * 86400};samesite=lax${domain ? `;domain=${domain}` : ""}`;
});
var getItem = (name) => attempt(() => localStorage.getItem(name) || void 0);
var setItem = (name, value) => attempt(() => localStorage.setItem(name, value));

// src/page/chat-id.ts
var CHAT_ID_KEY = "_mc_chat";
var newChatId = (format) => format.prefix + customAlphabet(CHAT_ID_ALPHABET, format.length)();
var chatIdRegExp = (format) => RegExp(`^${format.prefix}[${CHAT_ID_ALPHABET}]{${format.length}}$`);
function loadChatId(format, days, domain) {
  const re = chatIdRegExp(format);
  let id = getCookie(CHAT_ID_KEY);
  if (!re.test(`${id}`)) id = getItem(CHAT_ID_KEY);
  if (!re.test(`${id}`)) id = newChatId(format);
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
  return /^ru\b/i.test(lang ?? "") ? { message: "{text}\n\u041D\u043E\u043C\u0435\u0440 \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044F: {id}", greeting: "\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435!" } : { message: "{text}\nRequest ID: {id}", greeting: "Hello!" };
}

// src/page/metrica.ts
var YCLID_KEY = "_mc_yclid";
var YCLID_DAYS = 90;
var cleanClientId = (v) => (/^"?(\d{5,25})"?$/.exec(`${v}`) || [])[1];
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
var cleanYclid = (v) => (/^\d{1,30}$/.exec(`${v}`) || [])[0];

// src/page/rewrite.ts
var LINK = /^((?:https?:)?\/\/(?:www\.)?(t\.me|telegram\.(?:me|dog)|wa\.me|(?:api|web)\.whatsapp\.com)(?::\d*)?(\/[^?#]*)?|(tg|whatsapp|viber):(?:\/\/)?(\w+)\/?)(\?[^#]*)?(#[\s\S]*)?$/i;
var USERNAME = /^(?!(joinchat|add(stickers|emoji|theme|list)|share|proxy|socks|login|invoice|boost|contact|setlanguage|confirmphone)$)[a-z](?!\w*__)\w{2,30}[a-z\d]$/i;
var NOT_A_CHAT = /[?&](start[a-z]|(ref|game|post)\b)/;
var MAX_START = 64;
var decode = (s) => decodeURIComponent(s.replace(/\+/g, " "));
var find = (parts, key) => parts.findIndex((p) => p === key || p.startsWith(`${key}=`));
var compiled = {};
function idPattern(format) {
  const key = format.prefix + format.length;
  if (!compiled[key])
    compiled[key] = RegExp(`(^|[^A-Za-z\\d])${format.prefix}[${CHAT_ID_ALPHABET}]{${format.length}}(?![A-Za-z\\d])`);
  return compiled[key];
}
function renderMessage(template, text, id, greeting = "") {
  const t = text || greeting;
  return (/\{text\}/.test(template) || !t ? template : `{text}
${template}`).split("{text}").join(t).split("{id}").join(id).trim();
}
function parse(url, bots) {
  try {
    const m = LINK.exec(url);
    const path = m[3] || "";
    const query = m[6] || "";
    decodeURIComponent(path + query);
    const parts = query.slice(1).split("&");
    const get = (k) => {
      const i = find(parts, k);
      return i < 0 ? void 0 : decode(parts[i].slice(k.length + 1));
    };
    const where = (m[2] || `${m[4]}:${m[5]}`).toLowerCase();
    const found = (kind) => kind ? [kind, m[1], parts, m[7] || ""] : void 0;
    const tg = where === "tg:resolve";
    if (tg || /^te|^t\./.test(where)) {
      const seg = tg ? ["", get("phone"), get("domain")] : /^\/(?:\+(\d{1,32})|([^/+]+))\/?$/.exec(path);
      if (!seg) return;
      const phone = seg[1];
      const user = seg[2];
      const start2 = get("start");
      if (NOT_A_CHAT.test(query) || /^_tgr_/.test(`${start2}`)) return;
      if (phone != null) return found(/^\d{1,32}$/.test(phone) && ["telegram", "text"]);
      if (!user || !USERNAME.test(user)) return;
      const bot = start2 != null || /bot$/i.test(user) || bots.some((b) => b.toLowerCase() === user.toLowerCase());
      return found(["telegram", bot ? "start" : "text"]);
    }
    const wa = ["whatsapp", "text"];
    if (where === "wa.me") return found(/^\/\d{1,15}\/?$/.test(path) && wa);
    if (/^whatsapp:send$|\./.test(where))
      return found(/^(\/send\/?)?$/i.test(path) && /\d/.test(`${get("phone")}`) && wa);
    if (where === "viber:chat")
      return found(/\d/.test(`${get("number")}`) && ["viber", get("text") == null ? "draft" : "text"]);
    return found(where === "viber:pa" && get("chatURI") && ["viber", "context"]);
  } catch {
  }
}
var classify = (url, bots = []) => (parse(url, bots) || [])[0];
function rewriteLink(url, o) {
  const parsed = parse(url, o.bots || []);
  if (!parsed) return [url];
  const [kind, head, parts, fragment] = parsed;
  try {
    const carrier = kind[1];
    const i = find(parts, carrier);
    const old = i < 0 ? "" : decode(parts[i].slice(carrier.length + 1));
    let value = old;
    if (!old.includes(o.id)) {
      const ids = idPattern(o.format);
      value = ids.test(old) ? old.replace(ids, `$1${o.id}`) : carrier === "start" || carrier === "context" ? old ? `${old.slice(0, MAX_START - o.id.length - 1)}-${o.id}` : o.id : renderMessage(o.message, old, o.id, o.greeting);
    }
    if (value === old) return [url, kind];
    const pair = `${carrier}=${encodeURIComponent(value)}`;
    const last = parts.length - 1;
    const next = parts.slice();
    if (i >= 0) next[i] = pair;
    else if (next[last]) next.push(pair);
    else next[last] = pair;
    return [`${head}?${next.join("&")}${fragment}`, kind];
  } catch {
    return [url, kind];
  }
}
var rewrite = (url, o) => rewriteLink(url, o)[0];

// src/page/core.ts
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
  let userId = c?.userId;
  let purchaseId = c?.purchaseId;
  let platform;
  let seen;
  let on;
  let decorate = (url) => url;
  let opts;
  const sync = (click) => {
    if (on && (click || (seen || platform) && (clientId || yclid || userId || purchaseId))) {
      const b = {
        v: 1,
        chatId: id,
        clientId,
        yclid,
        userId,
        purchaseId,
        counterId: c.counterId,
        url: location.href,
        referrer: document.referrer || void 0,
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
      r = rewriteLink(href, opts);
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
      url = decorate(url);
      leaving(classify(url, c.bots));
    });
    return url;
  };
  const begin = () => {
    if (on || !c) return;
    on = 1;
    const lang = defaultMessage(document.documentElement.lang);
    const format = { prefix: c.prefix, length: c.length };
    id = loadChatId(format, c.lifetimeDays, c.cookieDomain);
    opts = {
      id,
      format,
      message: c.message || lang.message,
      greeting: c.message ? "" : lang.greeting,
      bots: c.bots
    };
    decorate = (url) => rewrite(url, opts);
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
  if (c && c.consent !== "required") guard(begin);
  return {
    getChatId: () => id,
    decorate: decorateAndSend,
    setUserId: (v) => guard(() => {
      userId = `${v}`;
      sync();
    }),
    setPurchaseId: (v) => guard(() => {
      purchaseId = `${v}`;
      sync();
    }),
    grantConsent: () => guard(begin),
    scan: () => guard(scan)
  };
}

// src/page/index.ts
var running;
function init(config) {
  if (!running) {
    try {
      const c = validateConfig(config);
      if (typeof c === "string") console.warn(`[metrica-chats] ${c}. The script stays off.`);
      running = start(typeof c === "string" ? void 0 : c);
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
