#!/usr/bin/env node
import {
  hasMetricaId
} from "./chunk-4YCAPLBT.js";

// src/storage/index.ts
import { resolve } from "node:path";

// src/storage/drivers.ts
var importModule = (name) => import(name);
var DRIVER_INSTALL = {
  "better-sqlite3": "npm install better-sqlite3@12",
  pg: "npm install pg"
};
var MissingDriverError = class extends Error {
  constructor(packageName, purpose, cause2) {
    super(
      `${purpose} needs the optional package \`${packageName}\`, which is not installed or failed to load. Install it with: ${DRIVER_INSTALL[packageName]}`,
      { cause: cause2 }
    );
    this.packageName = packageName;
  }
  packageName;
  name = "MissingDriverError";
};
async function loadDriver(packageName, purpose, loader = importModule) {
  let mod;
  try {
    mod = await loader(packageName);
  } catch (error) {
    throw new MissingDriverError(packageName, purpose, error);
  }
  const m = mod;
  return m.default ?? mod;
}

// src/storage/migrations.ts
var chatsTable = (bigint) => `
CREATE TABLE chats (
  key TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  uploaded_revision INTEGER,
  date_time ${bigint} NOT NULL,
  platform TEXT NOT NULL,
  chat_username TEXT,
  chat_user_id TEXT,
  phone_number TEXT,
  answered INTEGER,
  tags TEXT,
  price TEXT,
  currency TEXT,
  messenger_tracker_url TEXT,
  chat_id TEXT,
  client_id TEXT,
  user_id TEXT,
  yclid TEXT,
  purchase_id TEXT,
  url TEXT,
  unattributed_reason TEXT,
  created_at ${bigint} NOT NULL,
  updated_at ${bigint} NOT NULL
);
CREATE INDEX chats_pending ON chats (date_time, key) WHERE uploaded_revision IS NULL OR uploaded_revision <> revision;
CREATE INDEX chats_chat_id ON chats (chat_id) WHERE unattributed_reason IS NOT NULL;
CREATE INDEX chats_date_time ON chats (date_time);
CREATE INDEX chats_partner ON chats (platform, chat_user_id);
CREATE TABLE partners (
  platform TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  linked_at ${bigint} NOT NULL,
  PRIMARY KEY (platform, kind, value)
);
CREATE TABLE uploads (
  upload_id TEXT PRIMARY KEY,
  counter_id TEXT NOT NULL,
  status TEXT NOT NULL,
  sent_at ${bigint} NOT NULL,
  row_count INTEGER NOT NULL,
  comment TEXT,
  details TEXT,
  updated_at ${bigint} NOT NULL
);
CREATE TABLE upload_rows (
  upload_id TEXT NOT NULL,
  chat_key TEXT NOT NULL,
  revision INTEGER NOT NULL,
  PRIMARY KEY (upload_id, chat_key)
);
`;
var pairingColumns = (bigint) => `
  chat_id TEXT NOT NULL,
  client_id TEXT,
  yclid TEXT,
  user_id TEXT,
  purchase_id TEXT,
  counter_id TEXT,
  url TEXT,
  referrer TEXT,
  platform TEXT,
  ts ${bigint},
  received_at ${bigint} NOT NULL`;
var webhookMessagesTable = (bigint) => `
CREATE TABLE webhook_messages (
  key TEXT PRIMARY KEY,
  date_time ${bigint} NOT NULL,
  seen_at ${bigint} NOT NULL
);`;
var BRIDGE_COLUMNS = `
ALTER TABLE pairings ADD COLUMN link TEXT;
ALTER TABLE pairings ADD COLUMN utm_source TEXT;
ALTER TABLE pairings ADD COLUMN utm_medium TEXT;
ALTER TABLE pairings ADD COLUMN utm_campaign TEXT;
ALTER TABLE pairings ADD COLUMN utm_content TEXT;
ALTER TABLE pairings ADD COLUMN utm_term TEXT;
CREATE INDEX pairings_link ON pairings (link, chat_id) WHERE link IS NOT NULL;
`;
var UPLOAD_OUTCOMES = `
ALTER TABLE chats ADD COLUMN held_revision INTEGER;
ALTER TABLE chats ADD COLUMN held_reason TEXT;
ALTER TABLE uploads ADD COLUMN accepted_count INTEGER;
`;
var SAME_CHAT = (a, b) => `${a}.platform = ${b}.platform AND ${a}.date_time = ${b}.date_time
  AND ${a}.key <> ${b}.key AND (${a}.chat_user_id = ${b}.chat_user_id
    OR LOWER(${a}.chat_username) = LOWER(${b}.chat_username) OR ${a}.phone_number = ${b}.phone_number)`;
var KEEP_ORDER = (a) => `CASE WHEN ${a}.uploaded_revision IS NULL THEN 1 ELSE 0 END, ${a}.created_at, ${a}.key`;
var BETTER = (w, l) => `(CASE WHEN ${w}.uploaded_revision IS NULL THEN 1 ELSE 0 END
    < CASE WHEN ${l}.uploaded_revision IS NULL THEN 1 ELSE 0 END
  OR (CASE WHEN ${w}.uploaded_revision IS NULL THEN 1 ELSE 0 END = CASE WHEN ${l}.uploaded_revision IS NULL THEN 1 ELSE 0 END
    AND (${w}.created_at < ${l}.created_at OR (${w}.created_at = ${l}.created_at AND ${w}.key < ${l}.key))))`;
var fill = (column, onlyIf = "") => `
UPDATE chats SET ${column} = (SELECT l.${column} FROM chat_merges m JOIN chats l ON l.key = m.loser
    WHERE m.keeper = chats.key AND l.${column} IS NOT NULL ORDER BY l.created_at, l.key LIMIT 1)
  WHERE ${column} IS NULL${onlyIf} AND key IN (SELECT keeper FROM chat_merges);`;
var ATTRIBUTION = [
  "chat_id",
  "chat_id_source",
  "client_id",
  "user_id",
  "yclid",
  "purchase_id",
  "url",
  "unattributed_reason",
  "chat_id_repair",
  "chat_id_count",
  "upgraded_at"
];
var MERGE_SPLIT_CHATS = `
CREATE TABLE chat_merges (loser TEXT PRIMARY KEY, keeper TEXT);
INSERT INTO chat_merges (loser, keeper)
  SELECT l.key, (SELECT w.key FROM chats w WHERE ${SAME_CHAT("w", "l")} AND ${BETTER("w", "l")}
      ORDER BY ${KEEP_ORDER("w")} LIMIT 1)
  FROM chats l;
DELETE FROM chat_merges WHERE keeper IS NULL;
${[1, 2, 3].map(
  () => `UPDATE chat_merges SET keeper = (SELECT k.keeper FROM chat_merges k WHERE k.loser = chat_merges.keeper)
  WHERE keeper IN (SELECT loser FROM chat_merges);`
).join("\n")}
${/* chat_id is written last: the other attribution columns are copied while it is still empty. */
""}
${ATTRIBUTION.map(
  (c) => `
UPDATE chats SET ${c} = (SELECT l.${c} FROM chat_merges m JOIN chats l ON l.key = m.loser
    WHERE m.keeper = chats.key AND l.chat_id IS NOT NULL ORDER BY l.created_at, l.key LIMIT 1)
  WHERE chat_id IS NULL AND key IN (SELECT m.keeper FROM chat_merges m JOIN chats l ON l.key = m.loser WHERE l.chat_id IS NOT NULL);`
).reverse().join("")}
${["chat_username", "chat_user_id", "phone_number"].map((c) => fill(c, " AND uploaded_revision IS NULL")).join("")}
${["answered", "tags", "price", "currency", "messenger_tracker_url"].map((c) => fill(c)).join("")}
UPDATE chats SET revision = revision + 1, held_revision = NULL, held_reason = NULL
  WHERE key IN (SELECT keeper FROM chat_merges);
DELETE FROM chats WHERE key IN (SELECT loser FROM chat_merges);
DROP TABLE chat_merges;
`;
var WEBHOOK_MESSAGES_SEEN = "CREATE INDEX webhook_messages_seen ON webhook_messages (seen_at);";
var SQLITE_MIGRATIONS = [
  {
    version: 1,
    name: "pairings, chats, partners, uploads",
    sql: `
CREATE TABLE pairings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,${pairingColumns("INTEGER")}
);
CREATE INDEX pairings_chat ON pairings (chat_id, received_at);
CREATE INDEX pairings_received ON pairings (received_at);
${chatsTable("INTEGER")}`
  },
  {
    version: 2,
    name: "where a chat ID came from",
    sql: "ALTER TABLE chats ADD COLUMN chat_id_source TEXT;"
  },
  { version: 3, name: "connector messages already taken", sql: webhookMessagesTable("INTEGER") },
  {
    version: 4,
    name: "how the chat ID was found, and upgrades by later pairings",
    sql: `
ALTER TABLE chats ADD COLUMN chat_id_repair TEXT;
ALTER TABLE chats ADD COLUMN chat_id_count INTEGER;
ALTER TABLE chats ADD COLUMN upgraded_at INTEGER;
CREATE INDEX chats_upgradable ON chats (chat_id) WHERE unattributed_reason IS NULL AND (client_id IS NULL OR user_id IS NULL);`
  },
  {
    version: 5,
    name: "the bridge link and UTM parameters of a pairing",
    sql: BRIDGE_COLUMNS
  },
  { version: 6, name: "rows held back by the uploader, rows Metrica accepted", sql: UPLOAD_OUTCOMES },
  { version: 7, name: "one row per chat, whichever partner ID came first", sql: MERGE_SPLIT_CHATS },
  { version: 8, name: "connector messages purged with the pairings", sql: WEBHOOK_MESSAGES_SEEN }
];
var POSTGRES_MIGRATIONS = [
  {
    version: 1,
    name: "pairings, chats, partners, uploads",
    sql: `
CREATE TABLE pairings (
  id BIGSERIAL PRIMARY KEY,${pairingColumns("BIGINT")}
);
CREATE INDEX pairings_chat ON pairings (chat_id, received_at);
CREATE INDEX pairings_received ON pairings (received_at);
${chatsTable("BIGINT")}`
  },
  {
    version: 2,
    name: "where a chat ID came from",
    sql: "ALTER TABLE chats ADD COLUMN chat_id_source TEXT;"
  },
  { version: 3, name: "connector messages already taken", sql: webhookMessagesTable("BIGINT") },
  {
    version: 4,
    name: "how the chat ID was found, and upgrades by later pairings",
    sql: `
ALTER TABLE chats ADD COLUMN chat_id_repair TEXT;
ALTER TABLE chats ADD COLUMN chat_id_count INTEGER;
ALTER TABLE chats ADD COLUMN upgraded_at BIGINT;
CREATE INDEX chats_upgradable ON chats (chat_id) WHERE unattributed_reason IS NULL AND (client_id IS NULL OR user_id IS NULL);`
  },
  {
    version: 5,
    name: "the bridge link and UTM parameters of a pairing",
    sql: BRIDGE_COLUMNS
  },
  { version: 6, name: "rows held back by the uploader, rows Metrica accepted", sql: UPLOAD_OUTCOMES },
  { version: 7, name: "one row per chat, whichever partner ID came first", sql: MERGE_SPLIT_CHATS },
  { version: 8, name: "connector messages purged with the pairings", sql: WEBHOOK_MESSAGES_SEEN }
];

// src/storage/rows.ts
var PARTNER_DB_COLUMN = {
  ChatUserID: "chat_user_id",
  ChatUsername: "chat_username",
  PhoneNumber: "phone_number"
};
var CHAT_COLUMNS = [
  "key",
  "revision",
  "uploaded_revision",
  "date_time",
  "platform",
  "chat_username",
  "chat_user_id",
  "phone_number",
  "answered",
  "tags",
  "price",
  "currency",
  "messenger_tracker_url",
  "chat_id",
  "chat_id_source",
  "client_id",
  "user_id",
  "yclid",
  "purchase_id",
  "url",
  "unattributed_reason",
  "chat_id_repair",
  "chat_id_count",
  "upgraded_at",
  "created_at",
  "updated_at"
];
var BOOKKEEPING_COLUMNS = [
  "key",
  "revision",
  "uploaded_revision",
  "created_at",
  "updated_at",
  "chat_id_source",
  "chat_id_repair",
  "chat_id_count",
  "upgraded_at"
];
var CONTENT_COLUMNS = CHAT_COLUMNS.filter((c) => !BOOKKEEPING_COLUMNS.includes(c));
var num = (v) => typeof v === "string" ? Number(v) : v;
function rowFromColumns(c) {
  return {
    key: c.key,
    revision: num(c.revision),
    uploadedRevision: c.uploaded_revision === null ? null : num(c.uploaded_revision),
    dateTime: num(c.date_time),
    platform: c.platform,
    chatUsername: c.chat_username,
    chatUserId: c.chat_user_id,
    phoneNumber: c.phone_number,
    answered: c.answered === null ? null : num(c.answered) === 1,
    tags: c.tags,
    price: c.price,
    currency: c.currency,
    messengerTrackerUrl: c.messenger_tracker_url,
    chatId: c.chat_id,
    chatIdSource: c.chat_id_source,
    clientId: c.client_id,
    userId: c.user_id,
    yclid: c.yclid,
    purchaseId: c.purchase_id,
    url: c.url,
    unattributedReason: c.unattributed_reason,
    chatIdRepair: c.chat_id_repair,
    chatIdCount: c.chat_id_count === null ? null : num(c.chat_id_count),
    upgradedAt: c.upgraded_at === null ? null : num(c.upgraded_at),
    createdAt: num(c.created_at),
    updatedAt: num(c.updated_at)
  };
}
function mergeChat(key, existing, input, now) {
  const pick = (v, old) => v === void 0 ? old ?? null : v;
  const frozen = existing !== null && existing.uploaded_revision !== null;
  const partner = (v, old) => frozen ? old ?? null : pick(v, old);
  const a = input.attribution;
  const next = {
    key,
    revision: existing ? num(existing.revision) : 1,
    uploaded_revision: existing ? existing.uploaded_revision : null,
    date_time: input.dateTime,
    platform: input.platform,
    chat_username: partner(input.chatUsername, existing?.chat_username),
    chat_user_id: partner(input.chatUserId, existing?.chat_user_id),
    phone_number: partner(input.phoneNumber, existing?.phone_number),
    answered: input.answered === void 0 ? existing?.answered ?? null : input.answered ? 1 : 0,
    tags: pick(input.tags, existing?.tags),
    price: pick(input.price, existing?.price),
    currency: pick(input.currency, existing?.currency),
    messenger_tracker_url: pick(input.messengerTrackerUrl, existing?.messenger_tracker_url),
    chat_id: a ? a.chatId : existing?.chat_id ?? null,
    chat_id_source: a ? a.chatIdSource ?? (a.chatId === null ? null : "message") : existing?.chat_id_source ?? null,
    client_id: a ? a.clientId ?? null : existing?.client_id ?? null,
    user_id: a ? a.userId ?? null : existing?.user_id ?? null,
    yclid: a ? a.yclid ?? null : existing?.yclid ?? null,
    purchase_id: a ? a.purchaseId ?? null : existing?.purchase_id ?? null,
    url: a ? a.url ?? null : existing?.url ?? null,
    unattributed_reason: a ? a.reason : existing ? existing.unattributed_reason : "no_chat_id",
    chat_id_repair: a ? a.repair ?? null : existing?.chat_id_repair ?? null,
    chat_id_count: a ? a.idCount ?? null : existing?.chat_id_count ?? null,
    // A new attribution starts from its own pairing; only upgradeChat records an upgrade.
    upgraded_at: a ? null : existing?.upgraded_at ?? null,
    created_at: existing ? num(existing.created_at) : now,
    updated_at: existing ? num(existing.updated_at) : now
  };
  if (!existing) return { columns: next, changed: true };
  const changed = CONTENT_COLUMNS.some((c) => normalize(next[c]) !== normalize(existing[c]));
  if (changed) {
    next.revision += 1;
    next.updated_at = now;
  }
  return { columns: next, changed };
}
var normalize = (v) => typeof v === "number" ? String(v) : v;
function recordOf(row) {
  const r = {};
  const set = (k, v) => {
    if (v !== null && v !== "") r[k] = v;
  };
  set("ClientID", row.clientId);
  set("UserID", row.userId);
  set("Yclid", row.yclid);
  set("PurchaseID", row.purchaseId);
  set("DateTime", String(row.dateTime));
  set("ChatPlatform", row.platform);
  set("ChatUsername", row.chatUsername);
  set("ChatUserID", row.chatUserId);
  set("PhoneNumber", row.phoneNumber);
  set("ChatAnswered", row.answered === null ? null : row.answered ? "1" : "0");
  set("Tag", row.tags);
  set("Price", row.price);
  set("Currency", row.currency);
  set("URL", row.url);
  set("MessengerTrackerURL", row.messengerTrackerUrl);
  return r;
}

// src/storage/sql.ts
var placeholders = (xs) => xs.map(() => "?").join(", ");
var toNumber = (v) => Number(v ?? 0);

// src/storage/chat-upgrades.ts
var UPDATE_CHAT = `UPDATE chats SET ${CHAT_COLUMNS.filter((c) => c !== "key").map((c) => `${c} = ?`).join(", ")} WHERE key = ?`;
var UPGRADABLE = "unattributed_reason IS NULL AND (client_id IS NULL OR user_id IS NULL)";
async function upgradableChats(db, chatId) {
  const rows = await db.all(
    `SELECT * FROM chats WHERE chat_id = ? AND ${UPGRADABLE} ORDER BY date_time, key`,
    [chatId]
  );
  return rows.map(rowFromColumns);
}
async function chatIdsWithUpgradableChats(db, chatIds) {
  if (chatIds.length === 0) return /* @__PURE__ */ new Set();
  const rows = await db.all(
    `SELECT DISTINCT chat_id FROM chats WHERE chat_id IN (${placeholders(chatIds)}) AND ${UPGRADABLE}`,
    chatIds
  );
  return new Set(rows.map((r) => r.chat_id));
}
async function upgradeChat(db, key, ids, now) {
  return db.transaction(async (q) => {
    const row = await q.get(`SELECT * FROM chats WHERE key = ?${db.forUpdate}`, [key]);
    if (!row || row.unattributed_reason !== null) return null;
    const clientId = row.client_id ?? ids.clientId ?? null;
    const userId = row.user_id ?? ids.userId ?? null;
    if (clientId === row.client_id && userId === row.user_id) return null;
    const at = now();
    const next = {
      ...row,
      client_id: clientId,
      user_id: userId,
      upgraded_at: at,
      revision: Number(row.revision) + 1,
      updated_at: at
    };
    await q.run(UPDATE_CHAT, [...CHAT_COLUMNS.filter((c) => c !== "key").map((c) => next[c]), key]);
    return rowFromColumns(next);
  });
}

// src/storage/dashboard.ts
async function chatsPerDay(db, since) {
  const rows = await db.all(
    `SELECT date_time / 86400 AS d,
       SUM(CASE WHEN unattributed_reason IS NULL THEN 1 ELSE 0 END) AS attributed,
       SUM(CASE WHEN unattributed_reason IS NULL THEN 0 ELSE 1 END) AS unattributed
     FROM chats WHERE date_time >= ? GROUP BY date_time / 86400 ORDER BY d`,
    [since]
  );
  return rows.map((r) => ({
    day: new Date(toNumber(r.d) * 864e5).toISOString().slice(0, 10),
    attributed: toNumber(r.attributed),
    unattributed: toNumber(r.unattributed)
  }));
}
async function recentChats(db, since, limit) {
  const rows = await db.all(
    `SELECT * FROM chats WHERE date_time >= ? ORDER BY date_time DESC, key DESC LIMIT ${Math.trunc(limit)}`,
    [since]
  );
  return rows.map(rowFromColumns);
}
var count = (details, key) => typeof details[key] === "number" ? details[key] : void 0;
async function uploadHistory(db, limit) {
  const rows = await db.all(
    `SELECT upload_id, counter_id, status, sent_at, row_count, comment, details FROM uploads
     ORDER BY sent_at DESC, upload_id DESC LIMIT ${Math.trunc(limit)}`
  );
  return rows.map((r) => {
    let details = {};
    try {
      details = r.details ? JSON.parse(r.details) : {};
    } catch {
    }
    const line = count(details, "line_quantity");
    const linked = count(details, "linked_quantity");
    const notFound = count(details, "user_not_found_quantity");
    return {
      uploadId: r.upload_id,
      counterId: r.counter_id,
      status: r.status,
      sentAt: toNumber(r.sent_at),
      rowCount: toNumber(r.row_count),
      ...r.comment ? { comment: r.comment } : {},
      ...line === void 0 ? {} : { lineQuantity: line },
      ...linked === void 0 ? {} : { linkedQuantity: linked },
      ...notFound === void 0 ? {} : { userNotFoundQuantity: notFound }
    };
  });
}

// src/storage/forget-files.ts
var PERSONAL_TABLES = ["chats", "pairings", "partners", "upload_rows"];
var INSUFFICIENT_PRIVILEGE = "42501";
var isPrivilegeError = (error) => error?.code === INSUFFICIENT_PRIVILEGE;
async function cleanSqliteFiles(db) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [result] = await db.all("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!result || Number(result.busy) === 0) {
      return {
        done: ["deleted content overwritten with zeros (secure_delete)", "write-ahead log checkpointed and truncated"],
        skipped: [],
        remaining: ["backups and copies of the database file made before"]
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    done: ["deleted content overwritten with zeros (secure_delete)"],
    skipped: [
      "truncating the write-ahead log: a reader kept it busy for 2.5 s, so the -wal file may still hold the deleted rows until the next checkpoint; run forget again when the database is quiet"
    ],
    remaining: ["backups and copies of the database file made before"]
  };
}
async function cleanPostgresFiles(db) {
  const out = { done: [], skipped: [], remaining: [] };
  const rights = await db.all(
    `SELECT c.relname AS name, pg_has_role(c.relowner, 'USAGE') OR pg_has_role(d.datdba, 'USAGE') AS may
       FROM pg_class c JOIN pg_database d ON d.datname = current_database()
      WHERE c.oid IN (${PERSONAL_TABLES.map((t) => `'${t}'::regclass`).join(", ")}, 'pg_catalog.pg_statistic'::regclass)`
  );
  const may = new Map(rights.map((r) => [r.name, r.may === true]));
  const tables = PERSONAL_TABLES.filter((t) => may.get(t));
  const refused = PERSONAL_TABLES.filter((t) => !may.get(t));
  if (tables.length > 0) {
    await db.run(`VACUUM (FULL, ANALYZE) ${tables.join(", ")}`);
    out.done.push(`tables rewritten and their statistics re-sampled (VACUUM FULL ANALYZE ${tables.join(", ")})`);
  }
  if (refused.length > 0) {
    out.skipped.push(
      `rewriting ${refused.join(", ")}: only their owner or the database owner may VACUUM them; their files keep the deleted rows until the owner runs VACUUM FULL ${refused.join(", ")}`
    );
  }
  await forgetStatisticsOfEmptyTables(db, tables, out);
  if (may.get("pg_statistic")) {
    await db.run("VACUUM FULL pg_catalog.pg_statistic");
    out.done.push("pg_statistic rewritten (VACUUM FULL), so replaced statistics leave no copy");
  } else {
    out.skipped.push(
      "rewriting pg_statistic: only a superuser or the database owner may; the statistics replaced by ANALYZE stay in its file until then"
    );
  }
  await moveWalPastTheDeletion(db, out);
  await notePostgresSettings(db, out);
  out.remaining.push("WAL archives, replicas and backups made before: they keep their own copies until they expire");
  return out;
}
async function forgetStatisticsOfEmptyTables(db, tables, out) {
  const empty = [];
  for (const t of tables) {
    const stats = await db.get(
      `SELECT count(*) AS n FROM pg_catalog.pg_stats WHERE schemaname = current_schema() AND tablename = '${t}'`
    );
    if (Number(stats?.n ?? 0) === 0) continue;
    if (await db.get(`SELECT 1 AS x FROM ${t} LIMIT 1`) === void 0) empty.push(t);
  }
  if (empty.length === 0) return;
  const superuser = await db.get(
    "SELECT rolsuper AS yes FROM pg_catalog.pg_roles WHERE rolname = current_user"
  );
  const list = empty.map((t) => `'${t}'::regclass`).join(", ");
  if (superuser?.yes === true) {
    await db.run(
      `DELETE FROM pg_catalog.pg_statistic WHERE starelid IN (${list})
          OR starelid IN (SELECT indexrelid FROM pg_catalog.pg_index WHERE indrelid IN (${list}))`
    );
    out.done.push(`statistics of the now empty ${empty.join(", ")} deleted (ANALYZE keeps those of an empty table)`);
  } else {
    out.skipped.push(
      `deleting the statistics of the now empty ${empty.join(", ")}: ANALYZE keeps those of an empty table and only a superuser may delete them; they hold sampled values until the table has rows again and is analyzed`
    );
  }
}
async function moveWalPastTheDeletion(db, out) {
  const checkpoint = {
    sql: "CHECKPOINT",
    name: "CHECKPOINT",
    needs: "a superuser or a member of pg_checkpoint (PostgreSQL 15 and later): GRANT pg_checkpoint TO <role>"
  };
  const steps = [
    checkpoint,
    {
      sql: "SELECT pg_catalog.pg_switch_wal() AS lsn",
      name: "pg_switch_wal()",
      needs: "a superuser or: GRANT EXECUTE ON FUNCTION pg_catalog.pg_switch_wal() TO <role>, run in this database"
    },
    checkpoint
  ];
  const ran = [];
  const refused = /* @__PURE__ */ new Set();
  for (const step of steps) {
    if (refused.has(step.name)) continue;
    try {
      await db.run(step.sql);
      ran.push(step.name);
    } catch (error) {
      if (!isPrivilegeError(error)) throw error;
      refused.add(step.name);
      out.skipped.push(`${step.name}: the role lacks the privilege, it needs ${step.needs}`);
    }
  }
  if (ran.length === steps.length) {
    out.done.push("WAL segments holding the deleted rows retired (CHECKPOINT, pg_switch_wal(), CHECKPOINT)");
  } else {
    out.remaining.push(
      "pg_wal: the segments holding the deleted rows stay until later checkpoints retire them (checkpoint_timeout, 5 minutes by default, and a segment switch)"
    );
  }
}
async function notePostgresSettings(db, out) {
  const settings = new Map(
    (await db.all(
      "SELECT name, setting FROM pg_catalog.pg_settings WHERE name IN ('wal_recycle', 'archive_mode', 'wal_keep_size')"
    )).map((s) => [s.name, s.setting])
  );
  if (settings.get("wal_recycle") !== "off") {
    out.remaining.push(
      "pg_wal: wal_recycle is on, so retired segments are renamed for reuse and keep their bytes until overwritten; set wal_recycle = off"
    );
  }
  if (settings.has("archive_mode") && settings.get("archive_mode") !== "off") {
    out.remaining.push(`the WAL archive (archive_mode = ${settings.get("archive_mode")}) keeps the segments it copied`);
  }
  const keep = Number(settings.get("wal_keep_size") ?? 0);
  const slots = await db.get("SELECT count(*) AS n FROM pg_catalog.pg_replication_slots");
  if (keep > 0 || Number(slots?.n ?? 0) > 0) {
    out.remaining.push("pg_wal keeps older segments for replicas (wal_keep_size or replication slots)");
  }
}

// src/storage/forget-person.ts
async function forgetPerson(q, who) {
  const platform = who.platform ? " AND platform = ?" : "";
  const onPlatform = who.platform ? [who.platform] : [];
  const chatIds = new Set(who.chatId ? [who.chatId] : []);
  const keys = /* @__PURE__ */ new Set();
  const partner = who.partner && who.partner.values.length > 0 ? who.partner : void 0;
  const fold = partner?.kind === "ChatUsername";
  const value = fold ? "LOWER(value)" : "value";
  const wanted = partner ? partner.values.map(() => fold ? "LOWER(?)" : "?").join(", ") : "";
  if (partner) {
    const column = fold ? "LOWER(chat_username)" : PARTNER_DB_COLUMN[partner.kind];
    const chats2 = await q.all(
      `SELECT key, chat_id FROM chats WHERE ${column} IN (${wanted})${platform}`,
      [...partner.values, ...onPlatform]
    );
    const links = await q.all(
      `SELECT chat_id FROM partners WHERE kind = ? AND ${value} IN (${wanted})${platform}`,
      [partner.kind, ...partner.values, ...onPlatform]
    );
    for (const c of chats2) {
      keys.add(c.key);
      if (c.chat_id) chatIds.add(c.chat_id);
    }
    for (const l of links) chatIds.add(l.chat_id);
  }
  const ids = [...chatIds];
  if (ids.length > 0) {
    const more = await q.all(`SELECT key FROM chats WHERE chat_id IN (${placeholders(ids)})`, ids);
    for (const c of more) keys.add(c.key);
  }
  const chatKeys = [...keys];
  let chats = 0;
  if (chatKeys.length > 0) {
    await q.run(`DELETE FROM upload_rows WHERE chat_key IN (${placeholders(chatKeys)})`, chatKeys);
    chats = await q.run(`DELETE FROM chats WHERE key IN (${placeholders(chatKeys)})`, chatKeys);
  }
  let partnerLinks = 0;
  if (ids.length > 0) partnerLinks += await q.run(`DELETE FROM partners WHERE chat_id IN (${placeholders(ids)})`, ids);
  if (partner) {
    partnerLinks += await q.run(`DELETE FROM partners WHERE kind = ? AND ${value} IN (${wanted})${platform}`, [
      partner.kind,
      ...partner.values,
      ...onPlatform
    ]);
  }
  const pairings = ids.length > 0 ? await q.run(`DELETE FROM pairings WHERE chat_id IN (${placeholders(ids)})`, ids) : 0;
  return { chats, pairings, partnerLinks, chatIds: ids.sort() };
}

// src/storage/group-commit.ts
var GroupCommit = class {
  constructor(options) {
    this.options = options;
  }
  options;
  queue = [];
  /** Batches being written now; at most `concurrency`. */
  writing = /* @__PURE__ */ new Set();
  flushScheduled = false;
  /** Queues the item; resolves once the batch holding it is committed and followed up. */
  add(item) {
    return new Promise((resolve2, reject) => {
      this.queue.push({ item, resolve: resolve2, reject });
      this.scheduleFlush();
    });
  }
  /** Resolves once every item already queued is written (or rejected). */
  async drain() {
    while (this.writing.size > 0 || this.flushScheduled || this.queue.length > 0) {
      if (this.writing.size > 0) await Promise.all(this.writing);
      else await new Promise((r) => setImmediate(r));
    }
  }
  /**
   * One batch at a time while the backlog is small: items arriving meanwhile wait for it and go
   * together next, which keeps batches large and the per-batch cost (a commit, round trips) low.
   * Only a backlog of `parallelBacklog` items or more starts another one beside it, up to
   * `concurrency`: that is when a database a round trip away, not the CPU, is what holds items back.
   */
  canStartBatch() {
    const busy = this.writing.size;
    return busy === 0 || busy < this.options.concurrency && this.queue.length >= this.options.parallelBacklog;
  }
  scheduleFlush() {
    if (this.flushScheduled || !this.canStartBatch()) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      while (this.queue.length > 0 && this.canStartBatch()) {
        const done = this.flush(this.queue.splice(0, this.options.maxBatch)).finally(() => {
          this.writing.delete(done);
          if (this.queue.length > 0) this.scheduleFlush();
        });
        this.writing.add(done);
      }
    });
  }
  async flush(batch) {
    let ids;
    try {
      ids = await this.options.write(batch.map((b) => b.item));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      const written = [];
      const writtenIds = [];
      for (const b of batch) {
        try {
          writtenIds.push(...await this.options.write([b.item]));
          written.push(b);
        } catch (e) {
          b.reject(e);
        }
      }
      if (written.length > 0) await this.complete(written, writtenIds);
      return;
    }
    await this.complete(batch, ids);
  }
  /**
   * Runs the follow-up of a committed batch and settles each caller. A second failure rejects only
   * the items that needed the follow-up; the others resolve, as they are stored.
   */
  async complete(batch, ids) {
    const items = batch.map((b) => b.item);
    let results;
    try {
      results = await this.options.followUp(items);
    } catch {
      try {
        results = await this.options.followUp(items);
      } catch (error) {
        const failure = this.options.followUpFailed(error);
        for (const [i, b] of batch.entries()) {
          if (this.options.needsFollowUp(b.item)) b.reject(failure);
          else b.resolve({ id: ids[i] ?? 0, followUps: this.options.unfollowed });
        }
        return;
      }
    }
    for (const [i, b] of batch.entries())
      b.resolve({ id: ids[i] ?? 0, followUps: results[i] ?? this.options.unfollowed });
  }
};

// src/domain/visit.ts
var SAME_VISIT_MS = 30 * 60 * 1e3;

// src/shared/utm.ts
var UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];

// src/storage/pairing-rows.ts
function pairingFromColumns(c) {
  const p = { id: toNumber(c.id), chatId: c.chat_id, receivedAt: toNumber(c.received_at) };
  if (c.client_id !== null) p.clientId = c.client_id;
  if (c.yclid !== null) p.yclid = c.yclid;
  if (c.user_id !== null) p.userId = c.user_id;
  if (c.purchase_id !== null) p.purchaseId = c.purchase_id;
  if (c.counter_id !== null) p.counterId = c.counter_id;
  if (c.url !== null) p.url = c.url;
  if (c.referrer !== null) p.referrer = c.referrer;
  if (c.platform !== null) p.platform = c.platform;
  if (c.ts !== null) p.ts = toNumber(c.ts);
  if (c.link !== null) p.link = c.link;
  for (const key of UTM_KEYS) {
    const value = c[key];
    if (value !== null) p.utm = { ...p.utm, [key]: value };
  }
  return p;
}
var PAIRING_INSERT_COLUMNS = [
  ["chat_id", "TEXT"],
  ["client_id", "TEXT"],
  ["yclid", "TEXT"],
  ["user_id", "TEXT"],
  ["purchase_id", "TEXT"],
  ["counter_id", "TEXT"],
  ["url", "TEXT"],
  ["referrer", "TEXT"],
  ["platform", "TEXT"],
  ["ts", "BIGINT"],
  ["received_at", "BIGINT"],
  ["link", "TEXT"],
  ...UTM_KEYS.map((key) => [key, "TEXT"])
];
var orNull = (x) => x ?? null;
function pairingValues(p) {
  return [
    p.chatId,
    orNull(p.clientId),
    orNull(p.yclid),
    orNull(p.userId),
    orNull(p.purchaseId),
    orNull(p.counterId),
    orNull(p.url),
    orNull(p.referrer),
    orNull(p.platform),
    orNull(p.ts),
    p.receivedAt,
    orNull(p.link),
    ...UTM_KEYS.map((key) => orNull(p.utm?.[key]))
  ];
}

// src/storage/waiting-chats.ts
var WAITING = `unattributed_reason IS NOT NULL AND unattributed_reason IN ('chat_id_not_paired', 'pairing_without_metrica_id')`;
async function completeWaitingChats(db, pairings, waitingIds, now) {
  const rematched = pairings.map(() => 0);
  const latest = /* @__PURE__ */ new Map();
  for (const [i, p] of pairings.entries()) if (hasMetricaId(p) && waitingIds.has(p.chatId)) latest.set(p.chatId, i);
  if (latest.size === 0) return rematched;
  await db.transaction(async (tx) => {
    for (const i of latest.values()) {
      const p = pairings[i];
      rematched[i] = await tx.run(
        `UPDATE chats SET client_id = ?, user_id = ?, yclid = ?, purchase_id = ?, url = COALESCE(?, url),
           unattributed_reason = NULL, revision = revision + 1, updated_at = ?
         WHERE chat_id = ? AND unattributed_reason IS NOT NULL
           AND (unattributed_reason = 'chat_id_not_paired'
             OR (unattributed_reason = 'pairing_without_metrica_id' AND date_time >= ?))`,
        [
          orNull(p.clientId),
          orNull(p.userId),
          orNull(p.yclid),
          orNull(p.purchaseId),
          orNull(p.url),
          now(),
          p.chatId,
          // A chat that found its visit's pairing, without IDs, waits for that visit's later beacon
          // only: a pairing after the visit is a later visit's (a new ad click), never this chat's.
          // A chat that found no pairing at all takes the first one (a beacon that lost the race).
          Math.ceil((p.receivedAt - 999 - SAME_VISIT_MS) / 1e3)
        ]
      );
    }
  });
  return rematched;
}

// src/storage/pairing-follow-up.ts
var fillsUpgrades = (p) => Boolean(p.clientId || p.userId);
async function followUpPairings(db, pairings, now) {
  const chatIds = [...new Set(pairings.filter(hasMetricaId).map((p) => p.chatId))];
  const waiting = /* @__PURE__ */ new Set();
  let upgradable = /* @__PURE__ */ new Set();
  if (chatIds.length > 0) {
    const list = placeholders(chatIds);
    const rows = await db.all(
      `SELECT chat_id, 1 AS waiting FROM chats WHERE chat_id IN (${list}) AND ${WAITING}
       UNION
       SELECT chat_id, 0 AS waiting FROM chats WHERE chat_id IN (${list}) AND ${UPGRADABLE}`,
      [...chatIds, ...chatIds]
    );
    for (const r of rows) (Number(r.waiting) ? waiting : upgradable).add(r.chat_id);
  }
  const rematched = await completeWaitingChats(db, pairings, waiting, now);
  if (rematched.some((n) => n > 0)) {
    upgradable = await chatIdsWithUpgradableChats(db, [
      ...new Set(pairings.filter(fillsUpgrades).map((p) => p.chatId))
    ]);
  }
  return pairings.map((p, i) => ({
    rematched: rematched[i] ?? 0,
    upgradable: fillsUpgrades(p) && upgradable.has(p.chatId)
  }));
}

// src/storage/same-chat.ts
async function findSameChat(q, dateTime, platform, ids, forUpdate) {
  const tests = [];
  const params = [platform, dateTime];
  if (ids.chatUserId) {
    tests.push("chat_user_id = ?");
    params.push(ids.chatUserId);
  }
  if (ids.chatUsername) {
    tests.push("LOWER(chat_username) = LOWER(?)");
    params.push(ids.chatUsername);
  }
  if (ids.phoneNumber) {
    tests.push("phone_number = ?");
    params.push(ids.phoneNumber);
  }
  if (tests.length === 0) return null;
  const row = await q.get(
    `SELECT * FROM chats WHERE platform = ? AND date_time = ? AND (${tests.join(" OR ")})
       ORDER BY created_at, key LIMIT 1${forUpdate}`,
    params
  );
  return row ?? null;
}

// src/storage/snapshot.ts
async function snapshotOf(db) {
  const pairings = await db.all("SELECT * FROM pairings ORDER BY id");
  const chats = await db.all("SELECT * FROM chats ORDER BY key");
  const partners = await db.all("SELECT * FROM partners ORDER BY platform, kind, value");
  const uploads = await db.all(
    "SELECT upload_id, status, row_count FROM uploads ORDER BY upload_id"
  );
  return {
    pairings: pairings.map(pairingFromColumns),
    chats: chats.map(rowFromColumns),
    partners: partners.map((p) => ({
      platform: p.platform,
      kind: p.kind,
      value: p.value,
      chatId: p.chat_id,
      linkedAt: toNumber(p.linked_at)
    })),
    uploads: uploads.map((u) => ({ uploadId: u.upload_id, status: u.status, rowCount: toNumber(u.row_count) }))
  };
}

// src/storage/types.ts
var UNATTRIBUTED_REASONS = [
  "no_chat_id",
  "chat_id_not_paired",
  "pairing_without_metrica_id",
  "several_chat_ids"
];

// src/storage/stats.ts
async function chatStats(db, options = {}) {
  const since = options.since ?? Number.MIN_SAFE_INTEGER;
  const totals = await db.get(
    `SELECT COUNT(*) AS chats,
       SUM(CASE WHEN chat_id IS NOT NULL THEN 1 ELSE 0 END) AS with_chat_id,
       SUM(CASE WHEN chat_id_source = 'message' THEN 1 ELSE 0 END) AS carried_chat_id,
       SUM(CASE WHEN chat_id_source = 'partner' THEN 1 ELSE 0 END) AS linked_by_partner,
       SUM(CASE WHEN unattributed_reason IS NULL THEN 1 ELSE 0 END) AS matched,
       SUM(CASE WHEN unattributed_reason IS NULL AND chat_id_repair IS NOT NULL THEN 1 ELSE 0 END) AS matched_after_repair,
       SUM(CASE WHEN chat_id_count > 1 AND chat_id IS NOT NULL THEN 1 ELSE 0 END) AS several_ids_resolved,
       SUM(CASE WHEN unattributed_reason = 'several_chat_ids' THEN 1 ELSE 0 END) AS several_ids_ambiguous,
       SUM(CASE WHEN upgraded_at IS NOT NULL THEN 1 ELSE 0 END) AS upgraded,
       SUM(CASE WHEN uploaded_revision IS NOT NULL AND uploaded_revision = revision THEN 1 ELSE 0 END) AS uploaded,
       SUM(CASE WHEN held_revision IS NOT NULL AND held_revision = revision THEN 1 ELSE 0 END) AS held_back
     FROM chats WHERE date_time >= ?`,
    [since]
  );
  const platforms = await db.all(
    "SELECT platform, COUNT(*) AS c FROM chats WHERE date_time >= ? GROUP BY platform ORDER BY platform",
    [since]
  );
  const reasons = await db.all(
    "SELECT unattributed_reason AS r, COUNT(*) AS c FROM chats WHERE date_time >= ? AND unattributed_reason IS NOT NULL GROUP BY unattributed_reason",
    [since]
  );
  const pairings = await db.get("SELECT COUNT(*) AS c FROM pairings");
  const skipped = await db.get(
    `SELECT SUM(row_count - accepted_count) AS rows, COUNT(*) AS uploads FROM uploads
     WHERE accepted_count IS NOT NULL AND accepted_count < row_count`
  );
  const byLink = await linkStats(db, options.since);
  const unattributed = Object.fromEntries(UNATTRIBUTED_REASONS.map((r) => [r, 0]));
  for (const r of reasons) if (r.r in unattributed) unattributed[r.r] = toNumber(r.c);
  const chats = toNumber(totals?.chats);
  const uploaded = toNumber(totals?.uploaded);
  return {
    chats,
    byPlatform: Object.fromEntries(platforms.map((p) => [p.platform, toNumber(p.c)])),
    withChatId: toNumber(totals?.with_chat_id),
    carriedChatId: toNumber(totals?.carried_chat_id),
    linkedByPartner: toNumber(totals?.linked_by_partner),
    matched: toNumber(totals?.matched),
    matchedAfterRepair: toNumber(totals?.matched_after_repair),
    severalIdsResolved: toNumber(totals?.several_ids_resolved),
    severalIdsAmbiguous: toNumber(totals?.several_ids_ambiguous),
    upgradedByLaterPairing: toNumber(totals?.upgraded),
    uploaded,
    pending: chats - uploaded,
    heldBack: toNumber(totals?.held_back),
    skippedByMetrica: { rows: toNumber(skipped?.rows), uploads: toNumber(skipped?.uploads) },
    unattributed,
    pairings: toNumber(pairings?.c),
    byLink
  };
}
async function linkStats(db, since) {
  const visits = await db.all(
    "SELECT link, COUNT(*) AS c FROM pairings WHERE link IS NOT NULL AND received_at >= ? GROUP BY link",
    [since === void 0 ? 0 : since * 1e3]
  );
  const chats = await db.all(
    `SELECT l.link, COUNT(*) AS c, SUM(CASE WHEN c.unattributed_reason IS NULL THEN 1 ELSE 0 END) AS m
     FROM chats c JOIN (SELECT DISTINCT link, chat_id FROM pairings WHERE link IS NOT NULL) l ON l.chat_id = c.chat_id
     WHERE c.date_time >= ? GROUP BY l.link`,
    [since ?? Number.MIN_SAFE_INTEGER]
  );
  const byLink = {};
  const entry = (link) => {
    byLink[link] ??= { visits: 0, chats: 0, matched: 0 };
    return byLink[link];
  };
  for (const v of visits) entry(v.link).visits = toNumber(v.c);
  for (const c of chats) Object.assign(entry(c.link), { chats: toNumber(c.c), matched: toNumber(c.m) });
  return Object.fromEntries(Object.entries(byLink).sort(([a], [b]) => a.localeCompare(b)));
}

// src/storage/uploads.ts
async function recordUpload(q, receipt, rows, now) {
  await q.run(
    `INSERT INTO uploads (upload_id, counter_id, status, sent_at, row_count, accepted_count, comment, details, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
     ON CONFLICT (upload_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
    [
      receipt.uploadId,
      receipt.counterId,
      receipt.status,
      receipt.sentAt,
      receipt.rowCount,
      receipt.acceptedCount ?? null,
      receipt.comment ?? null,
      now()
    ]
  );
  for (const r of rows) {
    await q.run("INSERT INTO upload_rows (upload_id, chat_key, revision) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [
      receipt.uploadId,
      r.key,
      r.revision
    ]);
    await q.run(
      "UPDATE chats SET uploaded_revision = ? WHERE key = ? AND revision >= ? AND (uploaded_revision IS NULL OR uploaded_revision < ?)",
      [r.revision, r.key, r.revision, r.revision]
    );
  }
}
async function updateUploadStatus(db, uploadId, status, details, now) {
  const changed = await db.run(
    "UPDATE uploads SET status = ?, details = COALESCE(?, details), updated_at = ? WHERE upload_id = ?",
    [status, details === void 0 ? null : JSON.stringify(details), now(), uploadId]
  );
  if (changed === 0)
    throw new Error(`unknown upload ID ${JSON.stringify(uploadId)}: record it with markUploaded first`);
}
async function holdBackRows(q, rows) {
  for (const r of rows) {
    await q.run("UPDATE chats SET held_revision = ?, held_reason = ? WHERE key = ? AND revision = ?", [
      r.revision,
      r.reason,
      r.key,
      r.revision
    ]);
  }
}

// src/storage/webhook-messages.ts
import { createHash } from "node:crypto";
var keyOf = (source, messageId) => createHash("sha256").update(`${source}\0${messageId}`).digest("base64url").slice(0, 32);
async function rememberMessage(db, seenAt, source, messageId, dateTime) {
  const key = keyOf(source, messageId);
  await db.run("INSERT INTO webhook_messages (key, date_time, seen_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING", [
    key,
    dateTime,
    seenAt
  ]);
  const row = await db.get("SELECT date_time FROM webhook_messages WHERE key = ?", [
    key
  ]);
  return toNumber(row?.date_time ?? dateTime);
}

// src/storage/sql-storage.ts
var PAGE_SIZE = 500;
var MAX_BATCH = 256;
var PARALLEL_BACKLOG = 64;
var INSERT_CHAT = `INSERT INTO chats (${CHAT_COLUMNS.join(", ")}) VALUES (${placeholders(CHAT_COLUMNS)}) ON CONFLICT (key) DO NOTHING`;
var SqlStorage = class {
  constructor(db, now = Date.now) {
    this.db = db;
    this.now = now;
    this.kind = db.kind;
    this.pairings = new GroupCommit({
      // The batch is one multi-row INSERT, atomic on its own in both dialects, so it needs no
      // explicit transaction (two round trips fewer on PostgreSQL).
      write: (batch) => this.db.insertMany("pairings", PAIRING_INSERT_COLUMNS, batch.map(pairingValues)),
      followUp: (batch) => followUpPairings(this.db, batch, this.now),
      unfollowed: { rematched: 0, upgradable: false },
      // Only a pairing with a Metrica ID can complete a waiting chat.
      needsFollowUp: hasMetricaId,
      followUpFailed: (error) => new Error(`pairing stored, but completing the chats waiting for it failed: ${error.message}`, {
        cause: error
      }),
      concurrency: db.writeConcurrency,
      maxBatch: MAX_BATCH,
      parallelBacklog: PARALLEL_BACKLOG
    });
  }
  db;
  now;
  kind;
  closed = false;
  pairings;
  /**
   * Beacons arriving together are written in one group commit (see group-commit.ts), and each
   * caller resolves only after that commit, with how many waiting chats its pairing completed
   * and whether matched chats of its chat ID could take its IDs.
   */
  async insertPairing(p) {
    if (this.closed) throw new Error("storage is closed");
    const { id, followUps } = await this.pairings.add(p);
    return { id, ...followUps };
  }
  async findPairing(chatId, at) {
    const row = await this.db.get(
      `SELECT * FROM pairings WHERE chat_id = ?
       ORDER BY CASE WHEN received_at <= ? THEN 1 ELSE 0 END DESC, received_at DESC, id DESC LIMIT 1`,
      [chatId, at]
    );
    return row ? pairingFromColumns(row) : null;
  }
  async pairingsBetween(chatId, from, to) {
    const rows = await this.db.all(
      "SELECT * FROM pairings WHERE chat_id = ? AND received_at >= ? AND received_at <= ? ORDER BY received_at, id",
      [chatId, from, to]
    );
    return rows.map(pairingFromColumns);
  }
  upgradableChats(chatId) {
    return upgradableChats(this.db, chatId);
  }
  upgradeChat(key, ids) {
    return upgradeChat(this.db, key, ids, this.now);
  }
  async linkPartner(platform, partners, chatId, at) {
    if (partners.length === 0) return;
    await this.db.transaction(async (q) => {
      for (const p of partners) {
        await q.run(
          `INSERT INTO partners (platform, kind, value, chat_id, linked_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (platform, kind, value) DO UPDATE SET chat_id = excluded.chat_id, linked_at = excluded.linked_at
           WHERE excluded.linked_at >= partners.linked_at`,
          [platform, p.kind, p.value, chatId, at]
        );
      }
    });
  }
  async findLinkedChatId(platform, partners) {
    for (const p of partners) {
      const row = await this.db.get(
        "SELECT chat_id FROM partners WHERE platform = ? AND kind = ? AND value = ?",
        [platform, p.kind, p.value]
      );
      if (row) return row.chat_id;
    }
    return null;
  }
  async getChat(key) {
    const row = await this.db.get("SELECT * FROM chats WHERE key = ?", [key]);
    return row ? rowFromColumns(row) : null;
  }
  async partnerHasChat(platform, partner) {
    const column = PARTNER_DB_COLUMN[partner.kind];
    const row = await this.db.get(`SELECT 1 AS x FROM chats WHERE platform = ? AND ${column} = ? LIMIT 1`, [
      platform,
      partner.value
    ]);
    return row !== void 0;
  }
  async findSameChat(dateTime, platform, ids) {
    const row = await findSameChat(this.db, dateTime, platform, ids, "");
    return row ? rowFromColumns(row) : null;
  }
  async upsertChat(key, input) {
    return this.db.transaction(async (q) => {
      await this.db.serialize(q, `chat:${input.platform}:${input.dateTime}`);
      const select = `SELECT * FROM chats WHERE key = ?${this.db.forUpdate}`;
      let existing = await q.get(select, [key]) ?? null;
      existing ??= await findSameChat(q, input.dateTime, input.platform, input, this.db.forUpdate);
      if (existing) key = existing.key;
      if (!existing) {
        const { columns: columns2 } = mergeChat(key, null, input, this.now());
        const inserted = await q.run(
          INSERT_CHAT,
          CHAT_COLUMNS.map((c) => columns2[c])
        );
        if (inserted === 1) return { row: rowFromColumns(columns2), created: true, changed: true };
        existing = await q.get(select, [key]) ?? null;
      }
      const { columns, changed } = mergeChat(key, existing, input, this.now());
      if (changed) {
        await q.run(UPDATE_CHAT, [...CHAT_COLUMNS.filter((c) => c !== "key").map((c) => columns[c]), key]);
      }
      return { row: rowFromColumns(columns), created: false, changed };
    });
  }
  async *pendingConversions(options = {}) {
    const held = options.includeHeld ? "" : "AND (held_revision IS NULL OR held_revision <> revision)";
    let cursor = null;
    const since = options.since ?? Number.MIN_SAFE_INTEGER;
    for (; ; ) {
      const params = [since];
      let after = "";
      if (cursor) {
        after = "AND (date_time > ? OR (date_time = ? AND key > ?))";
        params.push(cursor.dateTime, cursor.dateTime, cursor.key);
      }
      const rows = await this.db.all(
        `SELECT * FROM chats WHERE (uploaded_revision IS NULL OR uploaded_revision <> revision) ${held}
           AND date_time >= ? ${after} ORDER BY date_time, key LIMIT ${PAGE_SIZE}`,
        params
      );
      for (const c of rows) {
        const row = rowFromColumns(c);
        yield { key: row.key, revision: row.revision, record: recordOf(row) };
      }
      if (rows.length < PAGE_SIZE) return;
      const last = rowFromColumns(rows[rows.length - 1]);
      cursor = { dateTime: last.dateTime, key: last.key };
    }
  }
  async markUploaded(receipt, rows) {
    await this.db.transaction((q) => recordUpload(q, receipt, rows, this.now));
  }
  async ping() {
    if (this.closed) throw new Error("storage is closed");
    await this.db.get("SELECT 1 AS ok");
  }
  async holdBack(rows) {
    if (rows.length > 0) await this.db.transaction((q) => holdBackRows(q, rows));
  }
  async updateUploadStatus(uploadId, status, details) {
    await updateUploadStatus(this.db, uploadId, status, details, this.now);
  }
  rememberMessage(source, messageId, dateTime) {
    return rememberMessage(this.db, this.now(), source, messageId, dateTime);
  }
  async purgePairings(before) {
    return this.db.run("DELETE FROM pairings WHERE received_at < ?", [before]);
  }
  async purgeOlderThan(before) {
    const pairings = await this.purgePairings(before);
    const webhookMessages = await this.db.run("DELETE FROM webhook_messages WHERE seen_at < ?", [before]);
    return { pairings, webhookMessages };
  }
  /**
   * Deletes one person's data, then does what the database allows so its files keep no readable
   * copy (see forget-files.ts): SQLite zeroes deleted content and truncates its WAL; PostgreSQL
   * rewrites the tables and statistics and retires the WAL segments holding the old rows.
   */
  async forget(who) {
    const gone = await this.db.transaction((q) => forgetPerson(q, who));
    if (gone.chats + gone.pairings + gone.partnerLinks === 0) return gone;
    const files = this.db.kind === "sqlite" ? await cleanSqliteFiles(this.db) : await cleanPostgresFiles(this.db);
    return { ...gone, files };
  }
  async chatStats(options = {}) {
    return chatStats(this.db, options);
  }
  chatsPerDay(options) {
    return chatsPerDay(this.db, options.since);
  }
  recentChats(options) {
    return recentChats(this.db, options.since, options.limit);
  }
  uploadHistory(options) {
    return uploadHistory(this.db, options.limit);
  }
  tryUploadLock() {
    return this.db.tryLock("upload");
  }
  /** Everything stored, in a stable order: what the tests compare. */
  snapshot() {
    return snapshotOf(this.db);
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.pairings.drain();
    await this.db.close();
  }
};

// src/storage/postgres.ts
var prepared = /* @__PURE__ */ new Map();
function statement(sql) {
  let out = prepared.get(sql);
  if (out === void 0) {
    let i = 0;
    const text = sql.replace(/\?/g, () => `$${++i}`);
    out = /\bSELECT\s+\*/i.test(sql) ? { text } : { name: `mc${prepared.size}`, text };
    prepared.set(sql, out);
  }
  return out;
}
function over(client) {
  const query = (sql, params) => client.query({ ...statement(sql), values: params ? [...params] : [] });
  return {
    all: async (sql, params) => (await query(sql, params)).rows,
    get: async (sql, params) => (await query(sql, params)).rows[0],
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0
  };
}
var PostgresDriver = class {
  constructor(pool, poolSize) {
    this.pool = pool;
    this.direct = over(pool);
    this.writeConcurrency = Math.max(1, Math.floor(poolSize / 2));
  }
  pool;
  kind = "postgres";
  forUpdate = " FOR UPDATE";
  writeConcurrency;
  direct;
  all(sql, params) {
    return this.direct.all(sql, params);
  }
  get(sql, params) {
    return this.direct.get(sql, params);
  }
  run(sql, params) {
    return this.direct.run(sql, params);
  }
  /**
   * All rows travel as one JSON parameter: one statement text whatever the row count (so it is
   * prepared once), and a fraction of the client's work of binding every value on its own.
   */
  async insertMany(table, columns, rows) {
    const names = columns.map((c) => c[0]).join(", ");
    const sql = `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_to_recordset(?::json) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(", ")}) RETURNING id`;
    const records = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c[0], row[i] ?? null])));
    const ids = await this.all(sql, [JSON.stringify(records)]);
    return ids.map((r) => Number(r.id)).sort((a, b) => a - b);
  }
  /**
   * A session advisory lock on a connection of its own, so it is held across the statements of
   * other connections and released with that connection if the process dies.
   */
  async tryLock(name) {
    const key = `metrica-chats:${name}`;
    const client = await this.pool.connect();
    let ok = false;
    try {
      ok = (await client.query("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [key])).rows[0]?.ok === true;
    } finally {
      if (!ok) client.release();
    }
    if (!ok) return null;
    let lost = null;
    const onError = (error) => {
      lost = error;
    };
    client.on("error", onError);
    return async () => {
      try {
        if (lost) throw lost;
        await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]);
        client.off("error", onError);
        client.release();
      } catch (error) {
        client.off("error", onError);
        client.release(error);
      }
    };
  }
  /**
   * The two-key form of the advisory lock, whose key space never meets the one-key form of
   * {@link tryLock}: a hash collision can only make two unrelated names wait for each other.
   */
  async serialize(q, name) {
    await q.get("SELECT pg_advisory_xact_lock(hashtext('metrica-chats'), hashtext(?)) AS locked", [name]);
  }
  async transaction(fn) {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(over(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
      });
      throw error;
    } finally {
      client.release();
    }
  }
  close() {
    return this.pool.end();
  }
};
async function migrate(pool) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('metrica-chats schema'))");
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
    );
    const done = new Set(
      (await client.query("SELECT version FROM schema_migrations")).rows.map((r) => r.version)
    );
    for (const m of POSTGRES_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        m.version,
        m.name,
        Date.now()
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
    });
    throw error;
  } finally {
    client.release();
  }
}
async function openPostgres(url, options = {}) {
  const pgModule = await loadDriver("pg", "A PostgreSQL database", options.loader);
  const poolSize = options.maxConnections ?? 10;
  const pool = new pgModule.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 3e4,
    connectionTimeoutMillis: 1e4,
    application_name: "metrica-chats"
  });
  pool.on("error", () => {
  });
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {
    });
    throw error;
  }
  return new SqlStorage(new PostgresDriver(pool, poolSize), options.now);
}

// src/storage/checkpointer.ts
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
var CHECKPOINT_INTERVAL_MS = 200;
var WAL_RESET_FRAMES = 16384;
var WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (error) {
    // SQLITE_BUSY and the like: the next round tries again; the data is safe in the WAL meanwhile.
    return null;
  }
};
const timer = setInterval(() => {
  const r = checkpoint();
  if (r && r.log >= workerData.resetFrames) parentPort.postMessage('reset');
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'catch-up') {
    checkpoint();
    parentPort.postMessage('caught-up');
  } else if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
parentPort.postMessage('ready');
`;
async function startCheckpointer(path, options) {
  let driver;
  try {
    driver = createRequire(import.meta.url).resolve("better-sqlite3");
  } catch {
    return null;
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path,
      driver,
      intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
      resetFrames: options.resetFrames ?? WAL_RESET_FRAMES
    }
  });
  const exited = new Promise((resolve2) => worker.once("exit", () => resolve2()));
  try {
    await new Promise((resolve2, reject) => {
      worker.once("message", () => resolve2());
      worker.once("error", reject);
      worker.once("exit", (code2) => reject(new Error(`checkpoint worker exited with code ${code2}`)));
    });
  } catch {
    await worker.terminate();
    return null;
  }
  let stopping = false;
  let caughtUp = null;
  let resetting = false;
  worker.on("message", (m) => {
    if (m === "caught-up") {
      caughtUp?.();
      caughtUp = null;
    } else if (m === "reset" && !resetting && !stopping) {
      resetting = true;
      options.pauseWrites(
        () => new Promise((resolve2) => {
          caughtUp = resolve2;
          worker.ref();
          worker.postMessage("catch-up");
        })
      ).finally(() => {
        resetting = false;
        if (!stopping) worker.unref();
      });
    }
  });
  worker.on("error", () => {
  });
  worker.once("exit", () => {
    caughtUp?.();
    if (!stopping) options.onFailure();
  });
  worker.unref();
  return {
    async stop() {
      stopping = true;
      worker.ref();
      worker.postMessage("stop");
      await exited;
    }
  };
}

// src/storage/file-lock.ts
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function tryFileLock(dbPath, name, held) {
  if (dbPath === ":memory:") {
    if (held.has(name)) return null;
    held.add(name);
    return async () => void held.delete(name);
  }
  const file = `${dbPath}.${name}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return async () => rmSync(file, { force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    let pid;
    try {
      pid = Number(readFileSync(file, "utf8").trim());
    } catch {
      continue;
    }
    if (pid === process.pid || pid > 0 && alive(pid)) return null;
    rmSync(file, { force: true });
  }
  return null;
}

// src/storage/sqlite-path.ts
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
var DatabasePathError = class extends Error {
  constructor(path, reason) {
    super(`Cannot use ${path} as the SQLite database: ${reason}.`);
    this.path = path;
    this.reason = reason;
  }
  path;
  reason;
  name = "DatabasePathError";
};
var code = (error) => String(error.code ?? "");
function cause(error, at, parent) {
  switch (code(error)) {
    case "ENOTDIR":
      return `${parent} is a file, not a folder`;
    case "EACCES":
    case "EPERM":
      return `no permission to write in ${parent}`;
    case "EROFS":
      return `${parent} is on a read-only file system`;
    case "ENOENT":
      return `${parent} does not allow creating ${at} (a virtual file system such as /proc or /sys?)`;
    default:
      return error.message;
  }
}
function prepareSqlitePath(path) {
  const missing = [];
  let folder = dirname(path);
  while (!existsSync(folder)) {
    missing.unshift(folder);
    const up = dirname(folder);
    if (up === folder) break;
    folder = up;
  }
  if (!statSync(folder).isDirectory()) throw new DatabasePathError(path, `${folder} is a file, not a folder`);
  let parent = folder;
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      throw new DatabasePathError(path, cause(error, dir, parent));
    }
    parent = dir;
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new DatabasePathError(path, "it is a folder, not a file");
    return;
  }
  try {
    accessSync(parent, constants.W_OK);
  } catch (error) {
    throw new DatabasePathError(path, cause(error, path, parent));
  }
}
function sqliteOpenError(path, error) {
  if (code(error) === "SQLITE_CANTOPEN" || code(error) === "SQLITE_READONLY") {
    return new DatabasePathError(path, `SQLite cannot create or open the file there (${error.message})`);
  }
  if (code(error) === "SQLITE_NOTADB") {
    return new DatabasePathError(path, "the file is not a SQLite database");
  }
  return error;
}

// src/storage/sqlite.ts
var Lock = class {
  held = false;
  waiters = [];
  async run(fn) {
    if (this.held) await new Promise((resolve2) => this.waiters.push(resolve2));
    this.held = true;
    try {
      return await fn();
    } finally {
      const next = this.waiters.shift();
      if (next) next();
      else this.held = false;
    }
  }
};
var SqliteDriver = class {
  constructor(db, path) {
    this.db = db;
    this.path = path;
    const prepare = (sql) => {
      let s = this.statements.get(sql);
      if (!s) {
        s = this.db.prepare(sql);
        this.statements.set(sql, s);
      }
      return s;
    };
    const p = (params) => params ? [...params] : [];
    this.direct = {
      all: async (sql, params) => prepare(sql).all(...p(params)),
      get: async (sql, params) => prepare(sql).get(...p(params)),
      run: async (sql, params) => prepare(sql).run(...p(params)).changes
    };
  }
  db;
  path;
  kind = "sqlite";
  forUpdate = "";
  /** One connection: a second batch could only wait for the lock. */
  writeConcurrency = 1;
  statements = /* @__PURE__ */ new Map();
  lock = new Lock();
  direct;
  /** Set once the checkpoint worker runs; stopped before the connection closes. */
  checkpointer = null;
  locksHeld = /* @__PURE__ */ new Set();
  all(sql, params) {
    return this.lock.run(() => this.direct.all(sql, params));
  }
  get(sql, params) {
    return this.lock.run(() => this.direct.get(sql, params));
  }
  run(sql, params) {
    return this.lock.run(() => this.direct.run(sql, params));
  }
  async insertMany(table, columns, rows) {
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const sql = `INSERT INTO ${table} (${columns.map((c) => c[0]).join(", ")}) VALUES ${rows.map(() => tuple).join(", ")} RETURNING id`;
    const ids = await this.all(sql, rows.flat());
    return ids.map((r) => Number(r.id)).sort((a, b) => a - b);
  }
  tryLock(name) {
    return tryFileLock(this.path, name, this.locksHeld);
  }
  /** Runs `fn` while no statement of this connection runs; they wait their turn asynchronously. */
  exclusive(fn) {
    return this.lock.run(fn);
  }
  /** BEGIN IMMEDIATE takes the database's write lock first: writers are already one at a time. */
  serialize() {
    return Promise.resolve();
  }
  transaction(fn) {
    return this.lock.run(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.direct);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }
  async close() {
    await this.checkpointer?.stop();
    await this.lock.run(async () => {
      if (this.db.open) this.db.close();
    });
  }
};
function migrate2(db) {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"
  );
  for (const m of SQLITE_MIGRATIONS) {
    db.transaction(() => {
      if (db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(m.version)) return;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        Date.now()
      );
    }).immediate();
  }
}
async function openSqlite(path, options = {}) {
  const Database = await loadDriver("better-sqlite3", "A SQLite database", options.loader);
  if (path !== ":memory:") prepareSqlitePath(path);
  let db;
  try {
    db = new Database(path);
  } catch (error) {
    throw sqliteOpenError(path, error);
  }
  try {
    db.pragma("busy_timeout = 5000");
    for (const deadline = Date.now() + 5e3; ; ) {
      try {
        db.pragma("journal_mode = WAL");
        break;
      } catch (error) {
        if (error.code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    db.pragma("synchronous = NORMAL");
    db.pragma("secure_delete = ON");
    migrate2(db);
  } catch (error) {
    db.close();
    throw sqliteOpenError(path, error);
  }
  const driver = new SqliteDriver(db, path);
  if (path !== ":memory:") {
    driver.checkpointer = await startCheckpointer(path, {
      onFailure: () => {
        if (db.open) db.pragma("wal_autocheckpoint = 1000");
      },
      pauseWrites: (work) => driver.exclusive(work),
      intervalMs: options.checkpointIntervalMs,
      resetFrames: options.walResetFrames
    });
    if (driver.checkpointer) db.pragma("wal_autocheckpoint = 0");
  }
  return new SqlStorage(driver, options.now);
}

// src/storage/index.ts
var isPostgresUrl = (target) => /^postgres(ql)?:\/\//i.test(target);
async function openStorage(target, options = {}) {
  if (typeof target !== "string" || target.trim() === "") {
    throw new Error(`database must be a file path or a postgres:// URL, got ${JSON.stringify(target)}`);
  }
  if (isPostgresUrl(target)) return openPostgres(target, options);
  const path = target === ":memory:" ? target : resolve(options.cwd ?? process.cwd(), target);
  return openSqlite(path, options);
}

export {
  DRIVER_INSTALL,
  MissingDriverError,
  recordOf,
  SAME_VISIT_MS,
  UTM_KEYS,
  UNATTRIBUTED_REASONS,
  DatabasePathError,
  isPostgresUrl,
  openStorage
};
