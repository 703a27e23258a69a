import {
  CHAT_ID_ALPHABET,
  newChatId
} from "./chunks/chunk-G5EVBYBS.js";

// src/page/config.ts
var ID = /^(?!\s*$)[^\0-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffd]{1,100}$/u;
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
  // Query parameter names as they are written in the URL.
  keepParams: /^\[("[\w.[\]-]{1,64}",?)*\]$/,
  message: /^(?=[\s\S]*\{id\})[\s\S]{4,500}$/,
  userId: ID,
  purchaseId: ID
};
function validateConfig(raw) {
  const c = { prefix: "CT", length: 8, lifetimeDays: 90, bots: [] };
  if (!(raw && raw.endpoint)) return "endpoint: required";
  for (const k in raw) {
    const v = raw[k];
    const list = k === "bots" || k === "keepParams";
    if (v == null) continue;
    if (!RULES[k] || typeof v === "object" && !list || typeof v === "boolean" && k !== "debug" || !RULES[k].test(list ? JSON.stringify(v) : `${v}`)) {
      return `${k}: ${RULES[k] ? `expected ${RULES[k]}, got ${JSON.stringify(v)}` : "unknown key"}`;
    }
    c[k] = list ? v : `${v}`;
  }
  c.debug = c.debug === "true";
  c.length = +c.length;
  c.lifetimeDays = +c.lifetimeDays;
  return c;
}
var warn = (message) => console.warn(`[metrica-chats] ${message}`);

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

// src/page/beacon.ts
function send(endpoint, body) {
  try {
    if (navigator.sendBeacon(endpoint, body)) return;
  } catch {
  }
  fetch(endpoint, { method: "POST", body, keepalive: true }).catch(() => 0);
}

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
var chatIdRegExp = (format) => RegExp(`^${format.prefix}[${CHAT_ID_ALPHABET}]{${format.length}}$`);
function loadChatId(options) {
  const re = chatIdRegExp(options);
  let id = getCookie(CHAT_ID_KEY);
  if (!re.test(id)) id = getItem(CHAT_ID_KEY);
  if (!re.test(id)) id = newChatId(options);
  setCookie(CHAT_ID_KEY, id, options.lifetimeDays, options.cookieDomain);
  setItem(CHAT_ID_KEY, id);
  return id;
}

// src/page/dom.ts
var LINKS = "a[href]";
var WATCH = { childList: true, subtree: true, attributeFilter: ["href"] };
var SLICE = 1e3;
function watchRoots(fix, frame) {
  const roots = [];
  let links = [];
  let next = 0;
  let resume;
  const work = (count) => {
    observer.disconnect();
    try {
      for (const end = next + count; next < links.length && next < end; ) {
        try {
          fix(links[next++]);
        } catch {
        }
      }
    } finally {
      for (const root of roots) observer.observe(root, WATCH);
    }
    clearTimeout(resume);
    if (next < links.length) resume = setTimeout(() => attempt(() => work(SLICE)));
  };
  const pass = (count) => {
    links = [];
    next = 0;
    for (const root of roots) {
      links = links.concat(Array.from(root.querySelectorAll(LINKS)));
      root.querySelectorAll("iframe").forEach(frame);
    }
    work(count);
  };
  const observer = new MutationObserver(() => attempt(() => pass(SLICE)));
  const collect = (root) => {
    if (roots.indexOf(root) < 0) {
      roots.push(root);
      root.querySelectorAll("*").forEach((el) => {
        if (el.shadowRoot) collect(el.shadowRoot);
      });
    }
  };
  return {
    add(root) {
      collect(root);
      pass(SLICE);
    },
    scan: () => pass(Infinity)
  };
}
function onShadowRoot(win, added) {
  const proto = win.Element.prototype;
  const attach = proto.attachShadow;
  proto.attachShadow = function(...args) {
    const root = attach.apply(this, args);
    if (this.shadowRoot) added(root);
    return root;
  };
}
var frameDocument = (iframe) => attempt(() => iframe.contentDocument);

// src/page/exits.ts
var linkOf = (e) => e.composedPath().find((n) => n.tagName === "A");
function onLinkClick(doc, handle) {
  const win = doc.defaultView;
  let clicked;
  const after = () => {
    if (clicked) handle(clicked);
    clicked = void 0;
  };
  const capture = (e) => attempt(() => {
    clicked = linkOf(e);
    if (clicked) {
      handle(clicked);
      win.removeEventListener(e.type, after);
      win.addEventListener(e.type, after);
    }
  });
  doc.addEventListener("click", capture, true);
  doc.addEventListener("auxclick", capture, true);
}
function onAnchorClickCall(win, handle) {
  const proto = win.HTMLAnchorElement.prototype;
  const click = proto.click;
  proto.click = function() {
    handle(this);
    click.call(this);
  };
}
function wrapOpen(win, decorate) {
  const open = win.open;
  win.open = function(...args) {
    if (args[0]) args[0] = decorate(`${args[0]}`);
    return open.apply(this, args);
  };
}
function onNavigate(win, decorate) {
  const navigation = win.navigation;
  navigation?.addEventListener(
    "navigate",
    (event) => attempt(() => {
      const e = event;
      const url = e.destination.url;
      const next = decorate(url);
      if (next !== url && e.cancelable && !e.defaultPrevented && !e.formData) {
        const started = navigation.navigate(next, { history: e.navigationType, info: e.info });
        started.committed.catch(() => 0);
        started.finished.catch(() => 0);
        e.preventDefault();
      }
    })
  );
}
function onFormData(doc, decorate) {
  doc.addEventListener(
    "formdata",
    (event) => attempt(() => {
      const data = event.formData;
      const action = event.target.getAttribute("action");
      if (action) {
        const fields = new URLSearchParams(data);
        new URL(decorate(`${action.split(/[?#]/)[0]}?${fields}`), doc.baseURI).searchParams.forEach((value, key) => {
          if (!fields.getAll(key).includes(value)) data.set(key, value);
        });
      }
    }),
    true
  );
}

// src/page/metrica.ts
var YCLID_KEY = "_mc_yclid";
var YCLID_DAYS = 90;
var cleanClientId = (v) => (/^"?(\d{17,19})"?$/.exec(v) || [])[1];
var storedClientId = () => cleanClientId(getCookie("_ym_uid")) || cleanClientId(getItem("_ym_uid"));
var askMetrica = (counterId, found) => attempt(
  () => window.ym(+counterId, "getClientID", (v) => {
    const id = cleanClientId(v);
    if (id) found(id);
  })
);
function loadYclid(search, domain) {
  const m = /[?&]yclid=(\d{1,24})(&|$)/.exec(search);
  if (m) setCookie(YCLID_KEY, m[1], YCLID_DAYS, domain);
  return m ? m[1] : cleanYclid(getCookie(YCLID_KEY));
}
var cleanYclid = (v) => (/^\d{1,24}$/.exec(v) || [])[0];

// src/page/page-address.ts
var pageAddress = (url, keep) => url.split("#")[0].replace(/\?(.*)/, (query, params) => {
  if (!keep) return query;
  const kept = params.split("&").filter((param2) => keep.includes(param2.split("=")[0])).join("&");
  return kept && `?${kept}`;
});

// src/page/registry.ts
var INSTANCE = /* @__PURE__ */ Symbol.for("metrica-chats");
var runningIn = (doc) => doc[INSTANCE];
var register = (doc, api) => {
  doc[INSTANCE] = api;
};

// src/page/core.ts
var MAX_URL = 2048;
function start(config) {
  const ids = Object.assign({}, config);
  const log = (...args) => {
    if (ids.debug) console.info("[metrica-chats]", ...args);
  };
  const guard = (f) => {
    try {
      f();
    } catch (e) {
      log(e);
    }
  };
  const sent = /* @__PURE__ */ new Set();
  let chatId = "";
  let clientId;
  let yclid;
  let platform;
  let hasMessengerLinks = false;
  let started = false;
  let roots;
  let rewriteLink;
  const address = (url) => pageAddress(url, config.keepParams).slice(0, MAX_URL);
  const sync = (leaving2 = false) => {
    if (started && (leaving2 || (hasMessengerLinks || platform) && (clientId || yclid || ids.userId || ids.purchaseId))) {
      const pairing = {
        v: 1,
        chatId,
        clientId,
        yclid,
        userId: ids.userId,
        purchaseId: ids.purchaseId,
        counterId: config.counterId,
        // Without the fragment: it is not a new page view, and may hold a token (OAuth implicit flow).
        url: address(location.href),
        referrer: address(document.referrer) || void 0,
        platform,
        ts: 0
      };
      const key = JSON.stringify(pairing);
      if (!sent.has(key)) {
        sent.add(key);
        pairing.ts = Date.now();
        send(config.endpoint, JSON.stringify(pairing));
        log(pairing);
      }
    }
  };
  const askClientId = () => config.counterId && askMetrica(
    config.counterId,
    (found) => guard(() => {
      if (found !== clientId) {
        clientId = found;
        sync();
      }
    })
  );
  const leaving = (kind) => {
    if (kind && started) {
      clientId = clientId || storedClientId();
      askClientId();
      platform = kind[0];
      sync(true);
    }
  };
  const memo = /* @__PURE__ */ new Map();
  const fix = (link) => {
    const href = link.getAttribute("href");
    if (href == null) return;
    let result = memo.get(href);
    if (!result) {
      result = rewriteLink(href);
      memo.set(href, result);
      memo.set(result[0], result);
    }
    if (result[0] !== href) link.setAttribute("href", result[0]);
    if (result[1] && !hasMessengerLinks) {
      hasMessengerLinks = true;
      sync();
    }
    return result[1];
  };
  const follow = (link) => guard(() => leaving(fix(link)));
  const decorateAndSend = (url) => {
    guard(() => {
      if (rewriteLink) {
        const result = rewriteLink(url);
        url = result[0];
        leaving(result[1]);
      }
    });
    return url;
  };
  const cover = (win) => {
    const doc = win.document;
    register(doc, api);
    roots.add(doc);
    onLinkClick(doc, follow);
    onFormData(doc, decorateAndSend);
    doc.addEventListener("load", (e) => coverFrame(e.target), true);
    guard(() => wrapOpen(win, decorateAndSend));
    guard(() => onNavigate(win, decorateAndSend));
    guard(() => onAnchorClickCall(win, follow));
    guard(() => onShadowRoot(win, (root) => guard(() => roots.add(root))));
  };
  const coverFrame = (iframe) => guard(() => {
    const doc = iframe.tagName === "IFRAME" && frameDocument(iframe);
    if (doc && !runningIn(doc)) cover(doc.defaultView);
  });
  const begin = () => {
    if (started || !config) return;
    started = true;
    const lang = defaultMessage(document.documentElement.lang);
    chatId = loadChatId(config);
    rewriteLink = rewriter({
      id: chatId,
      format: config,
      // its `prefix` and `length`
      message: config.message || lang.message,
      greeting: config.message ? "" : lang.greeting,
      bots: config.bots
    });
    yclid = loadYclid(location.search, config.cookieDomain);
    clientId = storedClientId();
    askClientId();
    document.addEventListener(`yacounter${config.counterId}inited`, () => guard(askClientId));
    roots = watchRoots(fix, coverFrame);
    cover(window);
    log(chatId, clientId, yclid);
  };
  const setId = (key, value) => guard(() => {
    const result = validateConfig({ endpoint: "/", [key]: value });
    if (typeof result === "string") warn(result);
    else {
      ids[key] = result[key];
      sync();
    }
  });
  const api = {
    getChatId: () => chatId,
    decorate: decorateAndSend,
    setUserId: (v) => setId("userId", v),
    setPurchaseId: (v) => setId("purchaseId", v),
    grantConsent: () => guard(begin),
    // Before begin() there are no roots: the call throws inside guard and does nothing.
    scan: () => guard(() => roots.scan())
  };
  if (config && config.consent !== "required") guard(begin);
  return api;
}

// src/page/index.ts
var running;
function init(config) {
  if (!running) {
    try {
      running = runningIn(document);
      if (running) warn("another copy is running: this config is ignored");
      else {
        const c = validateConfig(config);
        if (typeof c === "string") warn(`${c}. The script stays off.`);
        else {
          running = start(c);
          register(document, running);
        }
      }
    } catch {
    }
    running = running || start();
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
