/**
 * Versioned schema, one list per dialect. A migration is never edited once released; a change is a
 * new entry. Both lists must describe the same tables so the adapters pass the same tests.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const chatsTable = (bigint: string) => `
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

const pairingColumns = (bigint: string) => `
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

// Connector messages already taken, by a hash of the connector and the platform's message ID (a
// WhatsApp message ID encodes the sender's phone number), with the DateTime of the first delivery.
const webhookMessagesTable = (bigint: string) => `
CREATE TABLE webhook_messages (
  key TEXT PRIMARY KEY,
  date_time ${bigint} NOT NULL,
  seen_at ${bigint} NOT NULL
);`;

// A pairing made by a bridge link (`/go/NAME`) names the link and keeps the visit's UTM parameters;
// the index serves the per-link counts, which only look at such pairings.
const BRIDGE_COLUMNS = `
ALTER TABLE pairings ADD COLUMN link TEXT;
ALTER TABLE pairings ADD COLUMN utm_source TEXT;
ALTER TABLE pairings ADD COLUMN utm_medium TEXT;
ALTER TABLE pairings ADD COLUMN utm_campaign TEXT;
ALTER TABLE pairings ADD COLUMN utm_content TEXT;
ALTER TABLE pairings ADD COLUMN utm_term TEXT;
CREATE INDEX pairings_link ON pairings (link, chat_id) WHERE link IS NOT NULL;
`;

/**
 * Upload outcomes kept per chat and per upload: a row the uploader held back (invalid) is skipped
 * until it changes; an upload records how many rows Metrica accepted (`line_quantity`).
 */
const UPLOAD_OUTCOMES = `
ALTER TABLE chats ADD COLUMN held_revision INTEGER;
ALTER TABLE chats ADD COLUMN held_reason TEXT;
ALTER TABLE uploads ADD COLUMN accepted_count INTEGER;
`;

/** Two rows `a` and `b` of chats that are the same chat: platform, DateTime and a shared partner ID. */
const SAME_CHAT = (a: string, b: string) => `${a}.platform = ${b}.platform AND ${a}.date_time = ${b}.date_time
  AND ${a}.key <> ${b}.key AND (${a}.chat_user_id = ${b}.chat_user_id
    OR LOWER(${a}.chat_username) = LOWER(${b}.chat_username) OR ${a}.phone_number = ${b}.phone_number)`;
/** Which of the same chat's rows is kept: an uploaded one (its partner columns are its Metrica key), else the oldest. */
const KEEP_ORDER = (a: string) =>
  `CASE WHEN ${a}.uploaded_revision IS NULL THEN 1 ELSE 0 END, ${a}.created_at, ${a}.key`;
const BETTER = (w: string, l: string) => `(CASE WHEN ${w}.uploaded_revision IS NULL THEN 1 ELSE 0 END
    < CASE WHEN ${l}.uploaded_revision IS NULL THEN 1 ELSE 0 END
  OR (CASE WHEN ${w}.uploaded_revision IS NULL THEN 1 ELSE 0 END = CASE WHEN ${l}.uploaded_revision IS NULL THEN 1 ELSE 0 END
    AND (${w}.created_at < ${l}.created_at OR (${w}.created_at = ${l}.created_at AND ${w}.key < ${l}.key))))`;
/** A column of the kept row filled, when empty, from the first merged row that has it. */
const fill = (column: string, onlyIf = '') => `
UPDATE chats SET ${column} = (SELECT l.${column} FROM chat_merges m JOIN chats l ON l.key = m.loser
    WHERE m.keeper = chats.key AND l.${column} IS NOT NULL ORDER BY l.created_at, l.key LIMIT 1)
  WHERE ${column} IS NULL${onlyIf} AND key IN (SELECT keeper FROM chat_merges);`;
const ATTRIBUTION = [
  'chat_id',
  'chat_id_source',
  'client_id',
  'user_id',
  'yclid',
  'purchase_id',
  'url',
  'unattributed_reason',
  'chat_id_repair',
  'chat_id_count',
  'upgraded_at',
];
/**
 * Merges the rows of one chat that an earlier version stored twice, when a later report carried
 * another partner ID first (a username, then a user ID). One row is kept: an uploaded one when
 * there is one (its partner columns stay as Metrica has them), else the oldest. Its empty columns
 * are filled from the others (the attribution as a whole, from a row that has a chat ID when the
 * kept one has none); it gets a new revision so the merged row is uploaded; the others are deleted.
 */
const MERGE_SPLIT_CHATS = `
CREATE TABLE chat_merges (loser TEXT PRIMARY KEY, keeper TEXT);
INSERT INTO chat_merges (loser, keeper)
  SELECT l.key, (SELECT w.key FROM chats w WHERE ${SAME_CHAT('w', 'l')} AND ${BETTER('w', 'l')}
      ORDER BY ${KEEP_ORDER('w')} LIMIT 1)
  FROM chats l;
DELETE FROM chat_merges WHERE keeper IS NULL;
${[1, 2, 3]
  .map(
    () => `UPDATE chat_merges SET keeper = (SELECT k.keeper FROM chat_merges k WHERE k.loser = chat_merges.keeper)
  WHERE keeper IN (SELECT loser FROM chat_merges);`,
  )
  .join('\n')}
${/* chat_id is written last: the other attribution columns are copied while it is still empty. */ ''}
${ATTRIBUTION.map(
  (c) => `
UPDATE chats SET ${c} = (SELECT l.${c} FROM chat_merges m JOIN chats l ON l.key = m.loser
    WHERE m.keeper = chats.key AND l.chat_id IS NOT NULL ORDER BY l.created_at, l.key LIMIT 1)
  WHERE chat_id IS NULL AND key IN (SELECT m.keeper FROM chat_merges m JOIN chats l ON l.key = m.loser WHERE l.chat_id IS NOT NULL);`,
)
  .reverse()
  .join('')}
${['chat_username', 'chat_user_id', 'phone_number'].map((c) => fill(c, ' AND uploaded_revision IS NULL')).join('')}
${['answered', 'tags', 'price', 'currency', 'messenger_tracker_url'].map((c) => fill(c)).join('')}
UPDATE chats SET revision = revision + 1, held_revision = NULL, held_reason = NULL
  WHERE key IN (SELECT keeper FROM chat_merges);
DELETE FROM chats WHERE key IN (SELECT loser FROM chat_merges);
DROP TABLE chat_merges;
`;

/** The retention purge deletes connector messages by when they were first seen. */
const WEBHOOK_MESSAGES_SEEN = 'CREATE INDEX webhook_messages_seen ON webhook_messages (seen_at);';

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'pairings, chats, partners, uploads',
    sql: `
CREATE TABLE pairings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,${pairingColumns('INTEGER')}
);
CREATE INDEX pairings_chat ON pairings (chat_id, received_at);
CREATE INDEX pairings_received ON pairings (received_at);
${chatsTable('INTEGER')}`,
  },
  {
    version: 2,
    name: 'where a chat ID came from',
    sql: 'ALTER TABLE chats ADD COLUMN chat_id_source TEXT;',
  },
  { version: 3, name: 'connector messages already taken', sql: webhookMessagesTable('INTEGER') },
  {
    version: 4,
    name: 'how the chat ID was found, and upgrades by later pairings',
    sql: `
ALTER TABLE chats ADD COLUMN chat_id_repair TEXT;
ALTER TABLE chats ADD COLUMN chat_id_count INTEGER;
ALTER TABLE chats ADD COLUMN upgraded_at INTEGER;
CREATE INDEX chats_upgradable ON chats (chat_id) WHERE unattributed_reason IS NULL AND (client_id IS NULL OR user_id IS NULL);`,
  },
  {
    version: 5,
    name: 'the bridge link and UTM parameters of a pairing',
    sql: BRIDGE_COLUMNS,
  },
  { version: 6, name: 'rows held back by the uploader, rows Metrica accepted', sql: UPLOAD_OUTCOMES },
  { version: 7, name: 'one row per chat, whichever partner ID came first', sql: MERGE_SPLIT_CHATS },
  { version: 8, name: 'connector messages purged with the pairings', sql: WEBHOOK_MESSAGES_SEEN },
];

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'pairings, chats, partners, uploads',
    sql: `
CREATE TABLE pairings (
  id BIGSERIAL PRIMARY KEY,${pairingColumns('BIGINT')}
);
CREATE INDEX pairings_chat ON pairings (chat_id, received_at);
CREATE INDEX pairings_received ON pairings (received_at);
${chatsTable('BIGINT')}`,
  },
  {
    version: 2,
    name: 'where a chat ID came from',
    sql: 'ALTER TABLE chats ADD COLUMN chat_id_source TEXT;',
  },
  { version: 3, name: 'connector messages already taken', sql: webhookMessagesTable('BIGINT') },
  {
    version: 4,
    name: 'how the chat ID was found, and upgrades by later pairings',
    sql: `
ALTER TABLE chats ADD COLUMN chat_id_repair TEXT;
ALTER TABLE chats ADD COLUMN chat_id_count INTEGER;
ALTER TABLE chats ADD COLUMN upgraded_at BIGINT;
CREATE INDEX chats_upgradable ON chats (chat_id) WHERE unattributed_reason IS NULL AND (client_id IS NULL OR user_id IS NULL);`,
  },
  {
    version: 5,
    name: 'the bridge link and UTM parameters of a pairing',
    sql: BRIDGE_COLUMNS,
  },
  { version: 6, name: 'rows held back by the uploader, rows Metrica accepted', sql: UPLOAD_OUTCOMES },
  { version: 7, name: 'one row per chat, whichever partner ID came first', sql: MERGE_SPLIT_CHATS },
  { version: 8, name: 'connector messages purged with the pairings', sql: WEBHOOK_MESSAGES_SEEN },
];
