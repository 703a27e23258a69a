#!/usr/bin/env node

// src/check/filters.ts
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
var FILTER_LIST_URLS = [
  "https://easylist.to/easylist/easylist.txt",
  "https://easylist.to/easylist/easyprivacy.txt",
  "https://ublockorigin.github.io/uAssets/filters/filters.txt",
  "https://ublockorigin.github.io/uAssets/filters/privacy.txt"
];
async function listTexts(source, timeoutMs) {
  if ("dir" in source) {
    let files;
    try {
      files = (await readdir(source.dir)).filter((f) => f.endsWith(".txt")).sort();
    } catch (error) {
      throw new Error(`cannot read the filter-list folder ${source.dir}: ${error.message}`);
    }
    if (files.length === 0) throw new Error(`no .txt filter lists in ${source.dir}`);
    return Promise.all(files.map((f) => readFile(join(source.dir, f), "utf8")));
  }
  return Promise.all(
    source.urls.map(async (url) => {
      let res;
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new Error(`cannot download ${url}: ${error.message}`);
      }
      if (!res.ok) throw new Error(`cannot download ${url}: HTTP ${res.status}`);
      return res.text();
    })
  );
}
var engines = /* @__PURE__ */ new Map();
async function loadFilterLists(source, timeoutMs = 2e4) {
  const key = JSON.stringify(source);
  let engine = engines.get(key);
  if (!engine) {
    engine = (async () => {
      const { FiltersEngine } = await import("@ghostery/adblocker");
      const texts = await listTexts(source, timeoutMs);
      return FiltersEngine.parse(texts.join("\n"), { loadCosmeticFilters: false });
    })();
    engines.set(key, engine);
    engine.catch(() => engines.delete(key));
  }
  const ready = await engine;
  const { Request } = await import("@ghostery/adblocker");
  return (url, type, pageUrl) => {
    const result = ready.match(Request.fromRawDetails({ type, url, sourceUrl: pageUrl }));
    return result.match ? result.filter?.toString() ?? "a filter rule" : null;
  };
}

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
function readDataset(config, d) {
  for (const k of ["endpoint", "counterId", "consent", "debug"]) {
    if (k in d) config[k] = d[k] || (k === "debug" ? "true" : "");
  }
}

// src/check/find.ts
import { Parser } from "htmlparser2";
import JSON5 from "json5";
function scriptElements(html) {
  const found = [];
  let current = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "script") current = { attributes: { ...attributes }, text: "" };
      },
      ontext(text) {
        if (current) current.text += text;
      },
      onclosetag(name) {
        if (name === "script" && current) {
          found.push(current);
          current = null;
        }
      }
    },
    { decodeEntities: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  return found;
}
function datasetOf(attributes) {
  const dataset = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("data-"))
      dataset[name.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = value;
  }
  return dataset;
}
function objectLiteralAt(text, start) {
  let depth = 0;
  let quote = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}
function readInlineConfig(code) {
  const assignment = /MetricaChatsConfig\s*=(?!=)(?:\s*[\w.]*MetricaChatsConfig\s*\|\|)?\s*/.exec(code);
  if (!assignment) return null;
  const start = assignment.index + assignment[0].length;
  if (code[start] !== "{") {
    return { config: null, problem: "MetricaChatsConfig is set from code, not an object literal" };
  }
  const literal = objectLiteralAt(code, start);
  if (!literal) return { config: null, problem: "MetricaChatsConfig: the object literal is not closed" };
  try {
    const value = JSON5.parse(literal);
    return { config: value };
  } catch (error) {
    return {
      config: null,
      problem: `MetricaChatsConfig uses code, not only literal values (${error.message}): only a browser can evaluate it`
    };
  }
}
function injectedScriptUrl(code) {
  if (!/createElement\(\s*['"]script['"]\s*\)/.test(code)) return null;
  const m = /\.src\s*=\s*(['"])([^'"]+)\1/.exec(code);
  return m ? m[2] : null;
}
function absolute(url, base) {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}
function scanPage(html, pageUrl) {
  const scripts = scriptElements(html);
  let inlineConfig = null;
  let loader = null;
  let tag = null;
  const externalScripts = [];
  const tagManagerScripts = [];
  for (const s of scripts) {
    const src = s.attributes.src;
    if (src !== void 0) {
      const url = absolute(src, pageUrl);
      if (!url) continue;
      externalScripts.push(url);
      if (/googletagmanager\.com\/gtm\.js/i.test(url)) tagManagerScripts.push(url);
      if (!tag && ("data-endpoint" in s.attributes || /metrica-chats/i.test(new URL(url).pathname))) tag = s;
      continue;
    }
    const config = readInlineConfig(s.text);
    if (config && !inlineConfig) inlineConfig = config;
    const injected = injectedScriptUrl(s.text);
    if (config && injected && !loader) {
      loader = {
        via: "tag manager loader",
        scriptUrl: absolute(injected, pageUrl),
        config: config.config,
        ...config.problem ? { configProblem: config.problem } : {}
      };
    }
  }
  if (tag) {
    const config = { ...inlineConfig?.config ?? {} };
    readDataset(config, datasetOf(tag.attributes));
    const problem = inlineConfig?.problem && !("endpoint" in config) ? inlineConfig.problem : void 0;
    return {
      installation: {
        via: "script tag",
        scriptUrl: absolute(tag.attributes.src, pageUrl),
        config: problem ? null : config,
        ...problem ? { configProblem: problem } : {}
      },
      externalScripts,
      inlineConfig,
      tagManagerScripts
    };
  }
  return { installation: loader, externalScripts, inlineConfig, tagManagerScripts };
}
function decodeTagManagerContainer(code) {
  const html = [];
  for (const m of code.matchAll(/"vtp_html"\s*:\s*("(?:[^"\\]|\\.)*")/g)) {
    try {
      html.push(JSON.parse(m[1]));
    } catch {
    }
  }
  return html.join("\n");
}

// src/check/run.ts
var USER_AGENT = "metrica-chats-check (+https://www.npmjs.com/package/metrica-chats)";
var SCRIPT_MARKER = /MetricaChats/;
function networkProblem(error) {
  const e = error;
  if (e.name === "TimeoutError") return "no answer in time";
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
async function get(url, timeoutMs, init = {}) {
  return fetch(url, {
    redirect: "follow",
    ...init,
    headers: { "User-Agent": USER_AGENT, ...init.headers },
    signal: AbortSignal.timeout(timeoutMs)
  });
}
var skip = (id, title, why) => ({
  id,
  status: "skip",
  title,
  detail: why
});
var TITLES = {
  page: "Page loads and has the script",
  script: "Script file loads",
  config: "Configuration is valid",
  endpoint: "Collector endpoint answers",
  cors: "Collector allows the page's origin",
  filters: "Not on the content blockers\u2019 lists"
};
var TAG_EXAMPLE = '<script async src="/js/metrica-chats.min.js" data-endpoint="https://collect.example.com/v1/pairings" data-counter-id="12345678"></script>';
async function checkInstallation(pageUrl, options) {
  let url;
  try {
    url = new URL(pageUrl);
  } catch {
    throw new TypeError(
      `the page URL must be absolute, like https://example.com/landing; got ${JSON.stringify(pageUrl)}`
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`the page URL must start with http:// or https://; got ${JSON.stringify(pageUrl)}`);
  }
  const timeoutMs = options.timeoutMs ?? 1e4;
  const lines = [];
  const report = (installation2, finalUrl2) => ({
    pageUrl: url.href,
    finalUrl: finalUrl2,
    installation: installation2,
    lines,
    ok: lines.every((l) => l.status === "pass")
  });
  const skipRest = (why) => {
    for (const id of ["script", "config", "endpoint", "cors", "filters"]) {
      if (!lines.some((l) => l.id === id)) lines.push(skip(id, TITLES[id], why));
    }
  };
  let html;
  let finalUrl;
  try {
    const res = await get(url.href, timeoutMs, { headers: { Accept: "text/html" } });
    finalUrl = res.url || url.href;
    html = await res.text();
    if (!res.ok) {
      lines.push({
        id: "page",
        status: "fail",
        title: TITLES.page,
        detail: `${finalUrl} answered HTTP ${res.status}`,
        fix: "Check the address: give the URL of a page visitors open, as it is published."
      });
      skipRest("the page did not load");
      return report(null, finalUrl);
    }
  } catch (error) {
    lines.push({
      id: "page",
      status: "fail",
      title: TITLES.page,
      detail: `${url.href} could not be fetched: ${networkProblem(error)}`,
      fix: "Check the address and that the site is reachable from here."
    });
    skipRest("the page did not load");
    return report(null, null);
  }
  const pageOrigin = new URL(finalUrl).origin;
  const scan = scanPage(html, finalUrl);
  let installation = scan.installation;
  for (const container of installation ? [] : scan.tagManagerScripts) {
    try {
      const res = await get(container, timeoutMs);
      if (!res.ok) continue;
      const found = scanPage(decodeTagManagerContainer(await res.text()), finalUrl).installation;
      if (found) {
        installation = found;
        break;
      }
    } catch {
    }
  }
  if (!installation && scan.inlineConfig) {
    for (const src of scan.externalScripts.slice(0, options.maxScriptsOpened ?? 10)) {
      try {
        const res = await get(src, timeoutMs);
        if (res.ok && SCRIPT_MARKER.test(await res.text())) {
          installation = {
            via: "script tag",
            scriptUrl: src,
            config: scan.inlineConfig.config,
            ...scan.inlineConfig.problem ? { configProblem: scan.inlineConfig.problem } : {}
          };
          break;
        }
      } catch {
      }
    }
  }
  if (!installation) {
    const redirected = finalUrl !== url.href ? ` (redirected to ${finalUrl})` : "";
    lines.push({
      id: "page",
      status: "fail",
      title: TITLES.page,
      detail: `no metrica-chats script or tag manager loader found on ${url.href}${redirected}`,
      fix: `Add the script tag to the page, e.g. ${TAG_EXAMPLE}, or publish the Google Tag Manager tag (dist/gtm.html). A page built in the browser (an SPA) can only be checked in a browser.`
    });
    skipRest("no script found");
    return report(null, finalUrl);
  }
  lines.push({
    id: "page",
    status: "pass",
    title: TITLES.page,
    detail: `${installation.via} found on ${finalUrl}`
  });
  const scriptUrl = installation.scriptUrl;
  if (!scriptUrl) {
    lines.push({
      id: "script",
      status: "fail",
      title: TITLES.script,
      detail: "the page configures the script but names no script file",
      fix: "Give the script tag a src (or the loader its s.src) pointing to metrica-chats.min.js."
    });
  } else {
    lines.push(await checkScript(scriptUrl, timeoutMs));
  }
  let endpoint = null;
  if (!installation.config) {
    lines.push({
      id: "config",
      status: "fail",
      title: TITLES.config,
      detail: installation.configProblem ?? "no configuration found",
      fix: "Set the endpoint and counter ID as literal values (data-endpoint, data-counter-id, or MetricaChatsConfig = {...})."
    });
  } else {
    const resolved = validateConfig(installation.config);
    if (typeof resolved === "string") {
      lines.push({
        id: "config",
        status: "fail",
        title: TITLES.config,
        detail: resolved,
        fix: `Fix ${resolved.split(":")[0]} in the ${installation.via === "script tag" ? "script tag (data- attribute) or MetricaChatsConfig" : "loader\u2019s MetricaChatsConfig"}; the script does nothing at all while its configuration is invalid.`
      });
    } else {
      endpoint = new URL(resolved.endpoint, finalUrl).href;
      const counter = resolved.counterId ? `, counter ${resolved.counterId}` : ", no counter ID";
      lines.push({
        id: "config",
        status: "pass",
        title: TITLES.config,
        detail: `endpoint ${endpoint}${counter}${resolved.consent === "required" ? ", consent required" : ""}`
      });
    }
  }
  if (endpoint) {
    const answers = await checkEndpoint(endpoint, timeoutMs);
    lines.push(answers);
    lines.push(
      answers.status === "pass" ? await checkCors(endpoint, pageOrigin, timeoutMs) : skip("cors", TITLES.cors, "the endpoint did not answer")
    );
  } else {
    lines.push(skip("endpoint", TITLES.endpoint, "no valid endpoint in the configuration"));
    lines.push(skip("cors", TITLES.cors, "no valid endpoint in the configuration"));
  }
  lines.push(await checkFilters(scriptUrl, endpoint, finalUrl, options.filters));
  return report(installation, finalUrl);
}
async function checkScript(scriptUrl, timeoutMs) {
  const base = { id: "script", title: TITLES.script };
  try {
    const res = await get(scriptUrl, timeoutMs);
    const body = await res.text();
    if (!res.ok) {
      return {
        ...base,
        status: "fail",
        detail: `${scriptUrl} answered HTTP ${res.status}`,
        fix: "Publish dist/metrica-chats.min.js (from the npm package) at that address, or point the src at where it is."
      };
    }
    const type = (res.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!/javascript|ecmascript/.test(type)) {
      return {
        ...base,
        status: "fail",
        detail: `${scriptUrl} is served as ${JSON.stringify(type || "no Content-Type")}; browsers refuse to run it (X-Content-Type-Options: nosniff)`,
        fix: "Serve the file with Content-Type: text/javascript."
      };
    }
    if (!SCRIPT_MARKER.test(body)) {
      return {
        ...base,
        status: "fail",
        detail: `${scriptUrl} loads, but it is not the metrica-chats script`,
        fix: "Replace it with dist/metrica-chats.min.js of the npm package."
      };
    }
    return { ...base, status: "pass", detail: `${scriptUrl} (${Buffer.byteLength(body)} bytes)` };
  } catch (error) {
    return {
      ...base,
      status: "fail",
      detail: `${scriptUrl} could not be fetched: ${networkProblem(error)}`,
      fix: "Check the src address and that its host is reachable."
    };
  }
}
async function checkEndpoint(endpoint, timeoutMs) {
  const base = { id: "endpoint", title: TITLES.endpoint };
  try {
    const res = await get(endpoint, timeoutMs, { method: "OPTIONS", redirect: "manual" });
    await res.arrayBuffer();
    if (res.status >= 300 && res.status < 400) {
      return {
        ...base,
        status: "fail",
        detail: `${endpoint} redirects (HTTP ${res.status} to ${res.headers.get("location")}); beacons are not re-sent after a redirect`,
        fix: "Set the endpoint to the final address (https, host, path prefix)."
      };
    }
    if (res.status === 404) {
      return {
        ...base,
        status: "fail",
        detail: `nothing at ${endpoint} (HTTP 404)`,
        fix: "Check the path: it is /v1/pairings, after the collector\u2019s --path-prefix if it has one."
      };
    }
    const methods = res.headers.get("access-control-allow-methods") ?? "";
    if (!res.ok || !/\bPOST\b/.test(methods)) {
      return {
        ...base,
        status: "fail",
        detail: `${endpoint} answered HTTP ${res.status}, not as the metrica-chats collector does`,
        fix: "Point the endpoint at the collector (metrica-chats serve), /v1/pairings."
      };
    }
    return { ...base, status: "pass", detail: `${endpoint} answered HTTP ${res.status}` };
  } catch (error) {
    return {
      ...base,
      status: "fail",
      detail: `${endpoint} is unreachable: ${networkProblem(error)}`,
      fix: "Start the collector (metrica-chats serve) and make sure this address reaches it from the internet."
    };
  }
}
async function checkCors(endpoint, origin, timeoutMs) {
  const base = { id: "cors", title: TITLES.cors };
  try {
    const res = await get(endpoint, timeoutMs, {
      method: "OPTIONS",
      redirect: "manual",
      headers: { Origin: origin, "Access-Control-Request-Method": "POST" }
    });
    const body = await res.text();
    const allowed = res.headers.get("access-control-allow-origin");
    if (res.ok && (allowed === origin || allowed === "*")) {
      return { ...base, status: "pass", detail: `${origin} is allowed` };
    }
    let said = "";
    try {
      const error = JSON.parse(body).error;
      if (typeof error === "string") said = `: ${error}`;
    } catch {
    }
    return {
      ...base,
      status: "fail",
      detail: `the collector refuses beacons from ${origin} (HTTP ${res.status}${said})`,
      fix: `Start the collector with --allow-origin ${origin} (or add it to METRICA_CHATS_ALLOW_ORIGINS).`
    };
  } catch (error) {
    return {
      ...base,
      status: "fail",
      detail: `${endpoint} is unreachable: ${networkProblem(error)}`,
      fix: "Start the collector and make sure this address reaches it."
    };
  }
}
async function checkFilters(scriptUrl, endpoint, pageUrl, load) {
  const base = { id: "filters", title: TITLES.filters };
  if (!scriptUrl && !endpoint) return skip("filters", TITLES.filters, "no script or endpoint to check");
  let blockedBy;
  try {
    blockedBy = await load();
  } catch (error) {
    return {
      ...base,
      status: "fail",
      detail: `the filter lists could not be loaded: ${error.message}`,
      fix: "Run where easylist.to and ublockorigin.github.io are reachable, or give --filter-lists <folder> with the lists saved as .txt files."
    };
  }
  const blocked = [];
  if (scriptUrl) {
    const rule = blockedBy(scriptUrl, "script", pageUrl);
    if (rule) blocked.push(`the script ${scriptUrl} (rule ${rule})`);
  }
  if (endpoint) {
    const rule = blockedBy(endpoint, "ping", pageUrl) ?? blockedBy(endpoint, "xmlhttprequest", pageUrl);
    if (rule) blocked.push(`the endpoint ${endpoint} (rule ${rule})`);
  }
  if (blocked.length > 0) {
    return {
      ...base,
      status: "fail",
      detail: `blocked: ${blocked.join("; ")}`,
      fix: "Serve the script and the collector from your own origin under neutral names (keep metrica-chats.min.js, or e.g. /js/chat.js; collector --path-prefix /px) with no words like metrika, track, collect or analytics."
    };
  }
  const what = [scriptUrl ? "script" : null, endpoint ? "endpoint" : null].filter(Boolean).join(" and ");
  return { ...base, status: "pass", detail: `the ${what} pass EasyList, EasyPrivacy and uBlock Origin\u2019s lists` };
}

export {
  FILTER_LIST_URLS,
  loadFilterLists,
  checkInstallation
};
