#!/usr/bin/env node
import "./chunk-7L3OIF7I.js";
import {
  createCollector
} from "./chunk-35RFB4VA.js";
import "./chunk-3UQKVSVT.js";
import "./chunk-TDIG5AFX.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5OEX7AUI.js";
import {
  checkChatRecord,
  isAttributed,
  strictUpdateKey,
  uploadCommentVerdict
} from "./chunk-4YCAPLBT.js";
import {
  CSV_COLUMNS,
  PARTNER_CSV_COLUMNS
} from "./chunk-5GHHCO5G.js";
import "./chunk-SULML3OP.js";
import "./chunk-II6ICZSI.js";

// src/demo/server.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { readFileSync as readFileSync2 } from "node:fs";
import { createServer as createServer2 } from "node:http";
import { extname, join as join2, normalize, resolve, sep } from "node:path";

// src/fake-metrica/csv-check.ts
import { parse } from "csv-parse/sync";
var MANDATORY = /* @__PURE__ */ new Set(["DateTime", "ChatPlatform", PARTNER_CSV_COLUMNS.join("/"), "ClientID", "Yclid"]);
var badLine = (line) => ({
  ok: false,
  errorType: "invalid_uploading",
  message: `\u041D\u0435\u0432\u0435\u0440\u043D\u044B\u0439 \u0444\u043E\u0440\u043C\u0430\u0442 \u0434\u0430\u043D\u043D\u044B\u0445, \u043E\u0448\u0438\u0431\u043A\u0430 \u0432 \u0441\u0442\u0440\u043E\u043A\u0435 \u043D\u043E\u043C\u0435\u0440 ${line}`
});
function checkChatsCsv(text, nowSeconds) {
  if (text.length === 0) return { ok: false, errorType: "invalid_uploading", message: "The file is empty" };
  let table;
  try {
    table = parse(text, { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return badLine(error.lines ?? 1);
  }
  const [header, ...body] = table;
  if (!header) return { ok: false, errorType: "invalid_uploading", message: "The file is empty" };
  const known = new Set(CSV_COLUMNS);
  for (const name of header) {
    if (!known.has(name)) {
      return { ok: false, errorType: "invalid_uploading", message: `\u041D\u0435\u0438\u0437\u0432\u0435\u0441\u0442\u043D\u0430\u044F \u043A\u043E\u043B\u043E\u043D\u043A\u0430 ${name}`, location: name };
    }
  }
  for (const required of ["DateTime", "ChatPlatform"]) {
    if (!header.includes(required)) {
      return { ok: false, errorType: "invalid_uploading", message: `\u041E\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442 \u043E\u0431\u044F\u0437\u0430\u0442\u0435\u043B\u044C\u043D\u0430\u044F \u043A\u043E\u043B\u043E\u043D\u043A\u0430 ${required}` };
    }
  }
  if (!PARTNER_CSV_COLUMNS.some((p) => header.includes(p))) {
    return {
      ok: false,
      errorType: "invalid_uploading",
      message: `\u041E\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442 \u043E\u0431\u044F\u0437\u0430\u0442\u0435\u043B\u044C\u043D\u0430\u044F \u043A\u043E\u043B\u043E\u043D\u043A\u0430 ${PARTNER_CSV_COLUMNS.join("/")}`
    };
  }
  if (body.length === 0) return badLine(2);
  const rows = [];
  const skipped = [];
  let sourceRows = 0;
  for (let i = 0; i < body.length; i++) {
    const fields = body[i];
    const line = i + 2;
    if (fields.length === header.length - 1 && fields.every((f) => f.trim() === "")) continue;
    if (fields.length !== header.length) return badLine(line);
    sourceRows++;
    const row = {};
    header.forEach((name, j) => {
      const value = fields[j].trim();
      if (value !== "") row[name] = value;
    });
    const problems = checkChatRecord(row, nowSeconds);
    const fatal = problems.find((p) => MANDATORY.has(p.column));
    if (fatal) {
      skipped.push({ line, column: fatal.column });
      continue;
    }
    for (const p of problems) delete row[p.column];
    rows.push(row);
  }
  if (rows.length === 0 && sourceRows === 0) return badLine(2);
  return { ok: true, rows, sourceRows, skipped };
}
var updateKey = strictUpdateKey;

// src/fake-metrica/server.ts
import { createServer } from "node:http";

// src/fake-metrica/faults.ts
function metricaError(status, errorType, message) {
  return [status, { errors: [{ error_type: errorType, message }], code: status, message }];
}
var QUOTA_TYPES = {
  "429": "quota_requests_by_ip",
  "420": "quota_requests_by_ip",
  "429-no-retry-after": "quota_parallel_requests",
  "daily-quota": "quota_requests_by_uid",
  "counter-daily-quota": "quota_requests_by_counter_id"
};
function faultReply(fault, retryAfterSeconds) {
  const quota = fault ? QUOTA_TYPES[fault] : void 0;
  if (quota) {
    const [status, body] = metricaError(fault === "420" ? 420 : 429, quota, "\u041F\u0440\u0435\u0432\u044B\u0448\u0435\u043D\u0430 \u043A\u0432\u043E\u0442\u0430 \u043D\u0430 \u043A\u043E\u043B\u0438\u0447\u0435\u0441\u0442\u0432\u043E \u0437\u0430\u043F\u0440\u043E\u0441\u043E\u0432");
    return { status, body, headers: fault === "429" ? { "retry-after": String(retryAfterSeconds) } : {} };
  }
  if (fault === "500") {
    const [status, body] = metricaError(500, "backend_error", "Internal error");
    return { status, body, headers: {} };
  }
  if (fault === "503") {
    const [status, body] = metricaError(503, "backend_error", "\u0421\u0435\u0440\u0432\u0438\u0441 \u0432\u0440\u0435\u043C\u0435\u043D\u043D\u043E \u043D\u0435\u0434\u043E\u0441\u0442\u0443\u043F\u0435\u043D, \u043F\u043E\u043F\u0440\u043E\u0431\u0443\u0439\u0442\u0435 \u043F\u043E\u0437\u0436\u0435");
    return { status, body, headers: {} };
  }
  return null;
}

// src/fake-metrica/server.ts
var PREFIX = /^\/management\/v1\/counter\/(\d+)\/offline_conversions\/(upload|uploadings?)(?:\/(\d+))?$/;
async function startFakeMetrica(options) {
  const processDelayMs = options.processDelayMs ?? 0;
  const metricaNow = options.nowSeconds ?? (() => Math.floor(Date.now() / 1e3));
  const slowMs = options.slowMs ?? 2e3;
  const uploads = [];
  const conversions = /* @__PURE__ */ new Map();
  const pending = [];
  let nextId = 7000001;
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  function present(u) {
    const done = Date.now() - u.createdAt >= processDelayMs;
    const status = !done ? "UPLOADED" : u.linked > 0 ? "PROCESSED" : "LINKAGE_FAILURE";
    return {
      id: u.id,
      create_time: new Date(u.createdAt).toISOString().replace(/\.\d+Z$/, "Z"),
      source_quantity: u.sourceRows,
      line_quantity: u.rows.length,
      comment: u.comment,
      type: "CHATS",
      // [D] in the reply's field list; which value a CHATS upload gets is not documented [I].
      client_id_type: "CLIENT_ID",
      status,
      ...done ? { linked_quantity: u.linked, user_not_found_quantity: u.notFound } : {}
    };
  }
  const error = metricaError;
  async function handle(req, body) {
    const auth = req.headers.authorization;
    if (auth === void 0 || auth.trim() === "") return error(401, "unauthorized", "\u041D\u0435\u0430\u0432\u0442\u043E\u0440\u0438\u0437\u043E\u0432\u0430\u043D\u043D\u044B\u0439 \u043F\u043E\u043B\u044C\u0437\u043E\u0432\u0430\u0442\u0435\u043B\u044C");
    if (auth !== `OAuth ${options.token}`) return error(403, "invalid_token", "Invalid oauth_token");
    const url = new URL(req.url ?? "/", "http://fake");
    const match = PREFIX.exec(url.pathname);
    if (!match) return error(404, "not_found", "Not found");
    const [, counterId, route, id] = match;
    if (req.method === "GET" && route !== "upload") {
      const mine = uploads.filter((u) => u.counterId === counterId);
      if (id === void 0 && route === "uploadings") {
        const type2 = url.searchParams.get("type") ?? "BASIC";
        return [200, { uploadings: type2 === "CHATS" ? mine.map(present) : [] }];
      }
      const found = mine.find((u) => String(u.id) === id);
      if (!found) return error(404, "not_found", `\u0417\u0430\u0433\u0440\u0443\u0437\u043A\u0430 ${id} \u043D\u0435 \u043D\u0430\u0439\u0434\u0435\u043D\u0430`);
      return [200, { uploading: present(found) }];
    }
    if (req.method !== "POST" || route !== "upload" || id !== void 0) {
      return error(405, "invalid_parameter", "Method not allowed");
    }
    const type = url.searchParams.get("type") ?? "BASIC";
    if (type === "BASIC") return error(400, "invalid_uploading", "\u041E\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442 \u043E\u0431\u044F\u0437\u0430\u0442\u0435\u043B\u044C\u043D\u0430\u044F \u043A\u043E\u043B\u043E\u043D\u043A\u0430 Target");
    if (type !== "CHATS") return error(400, "invalid_parameter", `\u041D\u0435\u0432\u0435\u0440\u043D\u043E\u0435 \u0437\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u043F\u0430\u0440\u0430\u043C\u0435\u0442\u0440\u0430 type: ${type}`);
    const comment = url.searchParams.get("comment") ?? "";
    const commentVerdict = uploadCommentVerdict(comment);
    if (commentVerdict) {
      return error(
        400,
        "invalid_parameter",
        commentVerdict.expected.startsWith("at most") ? "\u041A\u043E\u043C\u043C\u0435\u043D\u0442\u0430\u0440\u0438\u0439 \u0434\u043B\u0438\u043D\u043D\u0435\u0435 255 \u0441\u0438\u043C\u0432\u043E\u043B\u043E\u0432" : "\u041A\u043E\u043C\u043C\u0435\u043D\u0442\u0430\u0440\u0438\u0439 \u0441\u043E\u0434\u0435\u0440\u0436\u0438\u0442 \u043D\u0435\u0434\u043E\u043F\u0443\u0441\u0442\u0438\u043C\u044B\u0435 \u0441\u0438\u043C\u0432\u043E\u043B\u044B."
      );
    }
    const contentType = req.headers["content-type"] ?? "";
    if (!contentType.startsWith("multipart/form-data")) {
      return error(400, "invalid_uploading", "\u041D\u0435\u043A\u043E\u0440\u0440\u0435\u043A\u0442\u043D\u044B\u0439 \u0444\u043E\u0440\u043C\u0430\u0442 multipart \u0437\u0430\u043F\u0440\u043E\u0441\u0430.");
    }
    let form;
    try {
      form = await new Request("http://fake/", {
        method: "POST",
        headers: { "content-type": contentType },
        body: new Uint8Array(body)
      }).formData();
    } catch {
      return error(400, "invalid_uploading", "\u041D\u0435\u043A\u043E\u0440\u0440\u0435\u043A\u0442\u043D\u044B\u0439 \u0444\u043E\u0440\u043C\u0430\u0442 multipart \u0437\u0430\u043F\u0440\u043E\u0441\u0430.");
    }
    const file = form.get("file");
    if (file === null || typeof file === "string")
      return error(400, "missing_parameter", "\u041D\u0435 \u043D\u0430\u0439\u0434\u0435\u043D \u043F\u0430\u0440\u0430\u043C\u0435\u0442\u0440 \u0437\u0430\u043F\u0440\u043E\u0441\u0430.");
    const check = checkChatsCsv(Buffer.from(await file.arrayBuffer()).toString("utf8"), metricaNow());
    if (!check.ok) return error(400, check.errorType, check.message);
    const upload = {
      id: nextId++,
      counterId,
      comment,
      createdAt: Date.now(),
      sourceRows: check.sourceRows,
      rows: check.rows,
      linked: 0,
      notFound: 0
    };
    for (const row of check.rows) {
      if (isAttributed(row)) upload.linked++;
      else upload.notFound++;
      const key = `${counterId}\0${updateKey(row)}`;
      const existing = conversions.get(key);
      if (existing) {
        existing.record = row;
        existing.updates++;
      } else {
        conversions.set(key, { counterId, record: row, updates: 0 });
      }
    }
    uploads.push(upload);
    return [200, { uploading: present(upload) }];
  }
  const server = createServer((req, res) => {
    if (req.method === "GET" && (req.url === "/" || req.url === "")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(indexPage(uploads.map(present)));
      return;
    }
    requests++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const fault = pending.shift();
    if (fault === "reset") {
      req.socket.destroy();
      return;
    }
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const headers = { "content-type": "application/json; charset=utf-8" };
      let status = 0;
      let payload = null;
      const answered = faultReply(fault, options.retryAfterSeconds ?? 1);
      if (answered) {
        [status, payload] = [answered.status, answered.body];
        Object.assign(headers, answered.headers);
      } else {
        [status, payload] = await handle(req, Buffer.concat(chunks)).catch(
          (e) => error(500, "backend_error", String(e))
        );
      }
      let text = JSON.stringify(payload);
      if (fault === "malformed-json") text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      if (fault === "slow") await new Promise((r) => setTimeout(r, slowMs));
      if (res.destroyed) return;
      res.writeHead(status, headers).end(text);
    });
  });
  await new Promise((resolve2, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve2());
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve2) => {
      server.closeAllConnections();
      server.close(() => resolve2());
    }),
    uploads: () => uploads.map((u) => ({ ...u, rows: [...u.rows] })),
    conversions: (counterId) => [...conversions.values()].filter((c) => counterId === void 0 || c.counterId === counterId).map((c) => ({ ...c })),
    stats: () => ({ requests, maxInFlight }),
    faults: {
      next(kind, count = 1) {
        for (let i = 0; i < count; i++) pending.push(kind);
      }
    }
  };
}
var escapeHtml = (value) => String(value ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
function indexPage(uploads) {
  const rows = uploads.map(
    (u) => `<tr><td>${escapeHtml(u.id)}</td><td>${escapeHtml(u.create_time)}</td><td>${escapeHtml(u.line_quantity)}</td><td>${escapeHtml(u.status)}</td><td>${escapeHtml(u.linked_quantity)}</td><td>${escapeHtml(u.comment)}</td></tr>`
  ).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Metrica API</title></head><body>
<h1>Fake Metrica API</h1>
<p>A local stand-in for <code>https://api-metrika.yandex.net</code>, as strict about the CHATS upload as the real one.
Point <code>metrica-chats upload --api-url</code> at this address. Requests need <code>Authorization: OAuth &lt;token&gt;</code>.</p>
<h2>Uploads received</h2>
${rows ? `<table><tr><th>ID</th><th>Created</th><th>Rows</th><th>Status</th><th>Linked</th><th>Comment</th></tr>${rows}</table>` : "<p>None yet.</p>"}
</body></html>`;
}

// src/demo/business-request.ts
import { createHash, createHmac, randomBytes } from "node:crypto";
var DEMO_WEBHOOK_SECRET = randomBytes(24).toString("hex");
var DEMO_WHATSAPP_APP_SECRET = "demo-whatsapp-app-secret";
function numericId(partner) {
  return Number.parseInt(createHash("sha256").update(partner).digest("hex").slice(0, 10), 16);
}
var sentMessages = 0;
var nextMessageId = () => ++sentMessages;
function connectorRequest(channel, platform, partner, text, now) {
  const seconds = Math.floor(now.getTime() / 1e3);
  const digits = partner.replace(/\D/g, "") || "79990001122";
  const id = nextMessageId();
  const hook = (name) => `/v1/webhooks/${name}/${DEMO_WEBHOOK_SECRET}`;
  if (channel === "telegram-business") {
    const userId = numericId(partner || "telegram-visitor");
    const from = { id: userId, is_bot: false, first_name: "Visitor" };
    const chat = { id: userId, type: "private" };
    const message = { message_id: id, business_connection_id: "demo-business", from, chat, date: seconds, text };
    return { path: hook("telegram"), auth: false, body: { update_id: id, business_message: message } };
  }
  if (channel === "whatsapp-cloud") {
    const message = {
      from: digits,
      id: `wamid.demo${id}`,
      timestamp: String(seconds),
      type: "text",
      text: { body: text }
    };
    const value = {
      messaging_product: "whatsapp",
      contacts: [{ profile: { name: "Visitor" }, wa_id: digits }],
      messages: [message]
    };
    const body = {
      object: "whatsapp_business_account",
      entry: [{ id: "demo", changes: [{ field: "messages", value }] }]
    };
    const signature = createHmac("sha256", DEMO_WHATSAPP_APP_SECRET).update(JSON.stringify(body)).digest("hex");
    return { path: hook("whatsapp"), auth: false, body, headers: { "X-Hub-Signature-256": `sha256=${signature}` } };
  }
  if (channel === "green-api") {
    const chatId = `${digits}@c.us`;
    const body = {
      typeWebhook: "incomingMessageReceived",
      timestamp: seconds,
      idMessage: `DEMO${id}`,
      senderData: { chatId, sender: chatId, senderName: "Visitor" },
      messageData: { typeMessage: "textMessage", textMessageData: { textMessage: text } }
    };
    return { path: hook("green-api"), auth: false, body };
  }
  if (channel === "wazzup") {
    const chatId = platform === "telegram" ? String(numericId(partner || "telegram-visitor")) : digits;
    const message = { messageId: `demo-${id}`, dateTime: now.toISOString(), chatType: platform, chatId, type: "text" };
    return { path: hook("wazzup"), auth: false, body: { messages: [{ ...message, isEcho: false, text }] } };
  }
  return void 0;
}
function businessRequest(input, now) {
  const partner = String(input.partner ?? "").trim();
  const text = String(input.text ?? "");
  const seconds = Math.floor(now.getTime() / 1e3);
  const connector = connectorRequest(input.channel, input.platform ?? "whatsapp", partner, text, now);
  if (connector) return connector;
  if (input.channel === "telegram-webhook") {
    const id = numericId(partner || "telegram-visitor");
    const username = /^@?[A-Za-z][A-Za-z0-9_]{3,31}$/.test(partner) ? partner.replace(/^@/, "") : void 0;
    return {
      path: `/v1/webhooks/telegram/${DEMO_WEBHOOK_SECRET}`,
      auth: false,
      body: {
        update_id: seconds,
        message: {
          message_id: nextMessageId(),
          date: seconds,
          text,
          from: { id, is_bot: false, first_name: "Visitor", ...username ? { username } : {} },
          chat: { id, type: "private" }
        }
      }
    };
  }
  if (input.channel === "viber-webhook") {
    const id = `${numericId(partner || "viber-visitor").toString(36)}==`;
    return {
      path: `/v1/webhooks/viber/${DEMO_WEBHOOK_SECRET}`,
      auth: false,
      body: {
        event: "conversation_started",
        timestamp: now.getTime(),
        message_token: seconds,
        type: "open",
        context: text,
        user: { id, name: "Visitor" },
        subscribed: false
      }
    };
  }
  const partnerField = /^\+?\d{6,15}$/.test(partner) ? { phoneNumber: partner.startsWith("+") ? partner : `+${partner}` } : /^\d+$/.test(partner) ? { chatUserId: partner } : { chatUsername: partner.replace(/^@/, "") || "visitor" };
  return {
    path: "/v1/chats",
    auth: true,
    body: { platform: input.platform ?? "whatsapp", dateTime: seconds, text, ...partnerField }
  };
}

// src/demo/paths.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function packageRoot() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "metrica-chats") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the metrica-chats package folder");
    dir = parent;
  }
}

// src/demo/verdict.ts
var BEACON_ANSWERS = {
  204: "(stored)",
  400: "(a field of the beacon was refused)",
  403: "(this page\u2019s origin is not allowed)",
  413: "(the beacon is too large)",
  415: "(wrong content type)",
  429: "(too many beacons from this address)"
};
async function chatVerdict(answer, storage) {
  const chats = typeof answer === "object" && answer !== null ? answer.chats : void 0;
  const chat = Array.isArray(chats) ? chats[0] : answer;
  if (typeof chat !== "object" || chat === null || !("chatId" in chat)) return null;
  const a = chat;
  const reason = a.unattributedReason ?? null;
  let matched = a.matched ?? null;
  if (matched === null && reason === null && a.chatId) {
    const pairing = await storage.findPairing(a.chatId, Date.now());
    matched = {};
    for (const id of ["clientId", "yclid", "userId", "purchaseId"]) {
      const value = pairing?.[id];
      if (typeof value === "string" && value !== "") matched[id] = value;
    }
  }
  return { chatId: a.chatId, matched, unattributedReason: reason };
}

// src/demo/server.ts
var DEMO_TOKEN = "demo-oauth-token";
var DEMO_API_KEY = randomBytes2(24).toString("hex");
var MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json"
};
function listen(server, port, host) {
  return new Promise((resolveUrl, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveUrl(`http://${host}:${actual}`);
    });
  });
}
async function readBody(req, limit = 64 * 1024) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new Error(`request body over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
async function startDemo(options) {
  const host = options.host ?? "127.0.0.1";
  const counterId = options.counterId ?? "12345678";
  const dataDir = resolve(options.dataDir);
  const dbPath = join2(dataDir, "metrica-chats.db");
  const root = packageRoot();
  const siteDir = join2(root, "demo", "site");
  const closers = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => void 0);
  };
  try {
    const site = createServer2();
    const siteUrl = await listen(site, options.sitePort ?? 0, host);
    closers.push(() => new Promise((r) => site.close(() => r())));
    site.closeIdleConnections?.();
    const metrica = await startFakeMetrica({ token: DEMO_TOKEN, port: options.metricaPort ?? 0, processDelayMs: 1500 });
    closers.push(() => metrica.close());
    const collector = await createCollector({
      db: dbPath,
      allowOrigins: [siteUrl],
      apiKeys: [DEMO_API_KEY],
      webhookSecret: DEMO_WEBHOOK_SECRET,
      whatsappAppSecret: DEMO_WHATSAPP_APP_SECRET,
      logger: false
    });
    closers.push(() => collector.close());
    const beaconAnswers = [];
    const collectorServer = createServer2((req, res) => {
      if (req.method === "POST" && req.url?.split("?")[0] === "/v1/pairings") {
        res.once("finish", () => {
          beaconAnswers.push({ at: Date.now(), status: res.statusCode, meaning: BEACON_ANSWERS[res.statusCode] ?? "" });
          if (beaconAnswers.length > 100) beaconAnswers.shift();
        });
      }
      collector.handler(req, res);
    });
    const collectorUrl = await listen(collectorServer, options.collectorPort ?? 0, host);
    closers.push(
      () => new Promise((r) => {
        collectorServer.closeAllConnections();
        collectorServer.close(() => r());
      })
    );
    const uploadArgs = ["upload", "--counter", counterId, "--db", dbPath, "--api-url", metrica.url, "--wait"];
    const uploadCommand = `YANDEX_METRICA_TOKEN=${DEMO_TOKEN} npx metrica-chats ${uploadArgs.join(" ")}`;
    const cliEnv = { ...process.env, YANDEX_METRICA_TOKEN: DEMO_TOKEN };
    const spa = readFileSync2(join2(root, "dist", "demo-spa.js"));
    const render = (html) => html.replaceAll("{{COLLECTOR_URL}}", collectorUrl).replaceAll("{{COUNTER_ID}}", counterId).replaceAll("{{GTM_TAG}}", gtmTag(root, siteUrl, collectorUrl, counterId));
    site.on("request", (req, res) => {
      const send = (status, type, body) => {
        res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
        res.end(body);
      };
      const handle = async () => {
        const url = new URL(req.url ?? "/", siteUrl);
        const path = url.pathname;
        if (req.method === "GET" && path === "/metrica-chats.min.js") {
          return send(200, MIME[".js"], readFileSync2(join2(root, "dist", "metrica-chats.min.js")));
        }
        if (req.method === "GET" && path === "/spa/app.js") return send(200, MIME[".js"], spa);
        if (req.method === "GET" && path === "/demo/config.js") {
          return send(
            200,
            MIME[".js"],
            `window.DEMO_COLLECTOR_URL=${JSON.stringify(collectorUrl)};window.DEMO_COUNTER_ID=${JSON.stringify(counterId)};window.DEMO_UPLOAD_COMMAND=${JSON.stringify(uploadCommand)};`
          );
        }
        if (req.method === "POST" && path === "/demo/chat") {
          const input = JSON.parse(await readBody(req) || "{}");
          const request = businessRequest(input, /* @__PURE__ */ new Date());
          const reply = await fetch(collectorUrl + request.path, {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              ...request.auth ? { Authorization: `Bearer ${DEMO_API_KEY}` } : {},
              ...request.headers
            },
            body: JSON.stringify(request.body)
          });
          const text = await reply.text();
          const answer = tryJson(text);
          const result = await chatVerdict(answer, collector.storage);
          return send(
            200,
            MIME[".json"],
            JSON.stringify({ sent: request, status: reply.status, reply: answer, ...result ? { result } : {} })
          );
        }
        if (req.method === "GET" && path === "/demo/beacons") {
          const since = Number(url.searchParams.get("since") ?? 0);
          const chatId = url.searchParams.get("chatId") ?? "";
          const pairing = /^[A-Za-z0-9_-]{1,64}$/.test(chatId) ? await collector.storage.findPairing(chatId, Date.now()) : null;
          const answers = beaconAnswers.filter((a) => a.at >= since);
          return send(200, MIME[".json"], JSON.stringify({ answers, pairing }));
        }
        if (req.method === "POST" && path === "/demo/upload") {
          const csv = await (await fetch(`${collectorUrl}/v1/conversions.csv`, { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } })).text();
          const { code, out } = await options.runCli(uploadArgs, cliEnv);
          return send(200, MIME[".json"], JSON.stringify({ exitCode: code, output: out, csv }));
        }
        if (req.method === "GET" && path === "/demo/report") {
          const { out } = await options.runCli(["report", "--db", dbPath], cliEnv);
          return send(200, "text/plain; charset=utf-8", out);
        }
        if (req.method !== "GET") return send(405, "text/plain", "method not allowed");
        let file = normalize(join2(siteDir, decodeURIComponent(path)));
        if (!file.startsWith(siteDir + sep) && file !== siteDir) return send(404, "text/plain", "not found");
        if (path.endsWith("/")) file = join2(file, "index.html");
        const type = MIME[extname(file)] ?? "application/octet-stream";
        let body;
        try {
          body = readFileSync2(file);
        } catch {
          return send(404, "text/plain", "not found");
        }
        return send(200, type, type.startsWith("text/html") ? render(body.toString("utf8")) : body);
      };
      handle().catch((error) => {
        if (!res.headersSent) send(500, "text/plain", error instanceof Error ? error.message : String(error));
      });
    });
    return {
      siteUrl,
      collectorUrl,
      metricaUrl: metrica.url,
      dbPath,
      counterId,
      apiKey: DEMO_API_KEY,
      token: DEMO_TOKEN,
      webhookSecret: DEMO_WEBHOOK_SECRET,
      uploadCommand,
      metrica,
      close: closeAll
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
function tryJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
function gtmTag(root, siteUrl, collectorUrl, counterId) {
  return readFileSync2(join2(root, "dist", "gtm.html"), "utf8").replaceAll("https://cdn.example.com/metrica-chats.min.js", `${siteUrl}/metrica-chats.min.js`).replaceAll("https://collect.example.com/v1/pairings", `${collectorUrl}/v1/pairings`).replaceAll("counterId: '12345678'", `counterId: '${counterId}'`);
}
export {
  startDemo
};
