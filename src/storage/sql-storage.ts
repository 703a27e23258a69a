import { UPDATE_CHAT, upgradableChats, upgradeChat } from './chat-upgrades.js';
import type { PendingConversion, UploadReceipt } from './contract.js';
import { chatsPerDay, recentChats, uploadHistory } from './dashboard.js';
import { cleanPostgresFiles, cleanSqliteFiles } from './forget-files.js';
import { forgetPerson } from './forget-person.js';
import { GroupCommit } from './group-commit.js';
import { followUpPairings, type PairingFollowUp } from './pairing-follow-up.js';
import { PAIRING_INSERT_COLUMNS, type PairingColumns, pairingFromColumns, pairingValues } from './pairing-rows.js';
import {
  CHAT_COLUMNS,
  type ChatColumns,
  hasMetricaId,
  mergeChat,
  PARTNER_DB_COLUMN,
  recordOf,
  rowFromColumns,
} from './rows.js';
import { findSameChat } from './same-chat.js';
import { snapshotOf } from './snapshot.js';
import { placeholders, type SqlDriver, type SqlValue } from './sql.js';
import { chatStats } from './stats.js';
import type {
  ChatInput,
  ChatRow,
  ChatStats,
  ChatsOnDay,
  ForgetRequest,
  Forgotten,
  Pairing,
  PairingInput,
  PartnerIdsOf,
  PartnerRef,
  ReleaseLock,
  Storage,
  StorageSnapshot,
  UploadRecord,
  UpsertResult,
} from './types.js';
import { holdBackRows, recordUpload, updateUploadStatus } from './uploads.js';
import { rememberMessage } from './webhook-messages.js';

const PAGE_SIZE = 500;

/** Most beacons in one group commit: 17 parameters each on SQLite (limit 32766), one JSON one on PostgreSQL. */
const MAX_BATCH = 256;
/** Beacons waiting that justify a second batch beside one being written. */
const PARALLEL_BACKLOG = 64;

const INSERT_CHAT = `INSERT INTO chats (${CHAT_COLUMNS.join(', ')}) VALUES (${placeholders(CHAT_COLUMNS)}) ON CONFLICT (key) DO NOTHING`;

/** The storage logic, written once over the adapters' SQL surface: the queries of every method. */
export class SqlStorage implements Storage {
  readonly kind: 'sqlite' | 'postgres';
  private closed = false;
  private readonly pairings: GroupCommit<PairingInput, PairingFollowUp>;

  constructor(
    private readonly db: SqlDriver,
    private readonly now: () => number = Date.now,
  ) {
    this.kind = db.kind;
    this.pairings = new GroupCommit<PairingInput, PairingFollowUp>({
      // The batch is one multi-row INSERT, atomic on its own in both dialects, so it needs no
      // explicit transaction (two round trips fewer on PostgreSQL).
      write: (batch) => this.db.insertMany('pairings', PAIRING_INSERT_COLUMNS, batch.map(pairingValues)),
      followUp: (batch) => followUpPairings(this.db, batch, this.now),
      unfollowed: { rematched: 0, upgradable: false },
      // Only a pairing with a Metrica ID can complete a waiting chat.
      needsFollowUp: hasMetricaId,
      followUpFailed: (error) =>
        new Error(`pairing stored, but completing the chats waiting for it failed: ${(error as Error).message}`, {
          cause: error,
        }),
      concurrency: db.writeConcurrency,
      maxBatch: MAX_BATCH,
      parallelBacklog: PARALLEL_BACKLOG,
    });
  }

  /**
   * Beacons arriving together are written in one group commit (see group-commit.ts), and each
   * caller resolves only after that commit, with how many waiting chats its pairing completed
   * and whether matched chats of its chat ID could take its IDs.
   */
  async insertPairing(p: PairingInput): Promise<{ id: number; rematched: number; upgradable: boolean }> {
    if (this.closed) throw new Error('storage is closed');
    const { id, followUps } = await this.pairings.add(p);
    return { id, ...followUps };
  }

  async findPairing(chatId: string, at: number): Promise<Pairing | null> {
    const row = await this.db.get<PairingColumns>(
      `SELECT * FROM pairings WHERE chat_id = ?
       ORDER BY CASE WHEN received_at <= ? THEN 1 ELSE 0 END DESC, received_at DESC, id DESC LIMIT 1`,
      [chatId, at],
    );
    return row ? pairingFromColumns(row) : null;
  }

  async pairingsBetween(chatId: string, from: number, to: number): Promise<Pairing[]> {
    const rows = await this.db.all<PairingColumns>(
      'SELECT * FROM pairings WHERE chat_id = ? AND received_at >= ? AND received_at <= ? ORDER BY received_at, id',
      [chatId, from, to],
    );
    return rows.map(pairingFromColumns);
  }

  upgradableChats(chatId: string): Promise<ChatRow[]> {
    return upgradableChats(this.db, chatId);
  }

  upgradeChat(key: string, ids: { clientId?: string; userId?: string }): Promise<ChatRow | null> {
    return upgradeChat(this.db, key, ids, this.now);
  }

  async linkPartner(platform: string, partners: readonly PartnerRef[], chatId: string, at: number): Promise<void> {
    if (partners.length === 0) return;
    await this.db.transaction(async (q) => {
      for (const p of partners) {
        await q.run(
          `INSERT INTO partners (platform, kind, value, chat_id, linked_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (platform, kind, value) DO UPDATE SET chat_id = excluded.chat_id, linked_at = excluded.linked_at
           WHERE excluded.linked_at >= partners.linked_at`,
          [platform, p.kind, p.value, chatId, at],
        );
      }
    });
  }

  async findLinkedChatId(platform: string, partners: readonly PartnerRef[]): Promise<string | null> {
    for (const p of partners) {
      const row = await this.db.get<{ chat_id: string }>(
        'SELECT chat_id FROM partners WHERE platform = ? AND kind = ? AND value = ?',
        [platform, p.kind, p.value],
      );
      if (row) return row.chat_id;
    }
    return null;
  }

  async getChat(key: string): Promise<ReturnType<typeof rowFromColumns> | null> {
    const row = await this.db.get<ChatColumns>('SELECT * FROM chats WHERE key = ?', [key]);
    return row ? rowFromColumns(row) : null;
  }

  async partnerHasChat(platform: string, partner: PartnerRef): Promise<boolean> {
    const column = PARTNER_DB_COLUMN[partner.kind];
    const row = await this.db.get(`SELECT 1 AS x FROM chats WHERE platform = ? AND ${column} = ? LIMIT 1`, [
      platform,
      partner.value,
    ]);
    return row !== undefined;
  }

  async findSameChat(dateTime: number, platform: string, ids: PartnerIdsOf): Promise<ChatRow | null> {
    const row = await findSameChat(this.db, dateTime, platform, ids, '');
    return row ? rowFromColumns(row) : null;
  }

  async upsertChat(key: string, input: ChatInput): Promise<UpsertResult> {
    return this.db.transaction(async (q) => {
      // Two first reports of one chat with different partner IDs (two collectors on one
      // PostgreSQL) would each find no row and insert one: a chat is one platform and DateTime,
      // so the reports of one are stored one after the other. FOR UPDATE cannot: it locks rows
      // that exist.
      await this.db.serialize(q, `chat:${input.platform}:${input.dateTime}`);
      const select = `SELECT * FROM chats WHERE key = ?${this.db.forUpdate}`;
      let existing = (await q.get<ChatColumns>(select, [key])) ?? null;
      // A later report may carry another partner ID first (a user ID after a username): the same
      // platform, DateTime and any shared partner ID is the same chat, kept under its first key.
      existing ??= await findSameChat(q, input.dateTime, input.platform, input, this.db.forUpdate);
      if (existing) key = existing.key;
      if (!existing) {
        const { columns } = mergeChat(key, null, input, this.now());
        const inserted = await q.run(
          INSERT_CHAT,
          CHAT_COLUMNS.map((c) => columns[c]),
        );
        if (inserted === 1) return { row: rowFromColumns(columns), created: true, changed: true };
        // Another instance inserted the same chat in between: merge into its row instead.
        existing = (await q.get<ChatColumns>(select, [key])) ?? null;
      }
      const { columns, changed } = mergeChat(key, existing, input, this.now());
      if (changed) {
        await q.run(UPDATE_CHAT, [...CHAT_COLUMNS.filter((c) => c !== 'key').map((c) => columns[c]), key]);
      }
      return { row: rowFromColumns(columns), created: false, changed };
    });
  }

  async *pendingConversions(options: { since?: number; includeHeld?: boolean } = {}): AsyncIterable<PendingConversion> {
    const held = options.includeHeld ? '' : 'AND (held_revision IS NULL OR held_revision <> revision)';
    // Paged by (date_time, key) instead of one open cursor, so writers are never blocked meanwhile.
    let cursor: { dateTime: number; key: string } | null = null;
    const since = options.since ?? Number.MIN_SAFE_INTEGER;
    for (;;) {
      const params: SqlValue[] = [since];
      let after = '';
      if (cursor) {
        after = 'AND (date_time > ? OR (date_time = ? AND key > ?))';
        params.push(cursor.dateTime, cursor.dateTime, cursor.key);
      }
      const rows = await this.db.all<ChatColumns>(
        `SELECT * FROM chats WHERE (uploaded_revision IS NULL OR uploaded_revision <> revision) ${held}
           AND date_time >= ? ${after} ORDER BY date_time, key LIMIT ${PAGE_SIZE}`,
        params,
      );
      for (const c of rows) {
        const row = rowFromColumns(c);
        yield { key: row.key, revision: row.revision, record: recordOf(row) };
      }
      if (rows.length < PAGE_SIZE) return;
      const last = rowFromColumns(rows[rows.length - 1] as ChatColumns);
      cursor = { dateTime: last.dateTime, key: last.key };
    }
  }

  async markUploaded(receipt: UploadReceipt, rows: ReadonlyArray<{ key: string; revision: number }>): Promise<void> {
    await this.db.transaction((q) => recordUpload(q, receipt, rows, this.now));
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('storage is closed');
    await this.db.get('SELECT 1 AS ok');
  }

  async holdBack(rows: ReadonlyArray<{ key: string; revision: number; reason: string }>): Promise<void> {
    if (rows.length > 0) await this.db.transaction((q) => holdBackRows(q, rows));
  }

  async updateUploadStatus(uploadId: string, status: string, details?: Record<string, unknown>): Promise<void> {
    await updateUploadStatus(this.db, uploadId, status, details, this.now);
  }

  rememberMessage(source: string, messageId: string, dateTime: number): Promise<number> {
    return rememberMessage(this.db, this.now(), source, messageId, dateTime);
  }

  async purgePairings(before: number): Promise<number> {
    return this.db.run('DELETE FROM pairings WHERE received_at < ?', [before]);
  }

  async purgeOlderThan(before: number): Promise<{ pairings: number; webhookMessages: number }> {
    const pairings = await this.purgePairings(before);
    const webhookMessages = await this.db.run('DELETE FROM webhook_messages WHERE seen_at < ?', [before]);
    return { pairings, webhookMessages };
  }

  /**
   * Deletes one person's data, then does what the database allows so its files keep no readable
   * copy (see forget-files.ts): SQLite zeroes deleted content and truncates its WAL; PostgreSQL
   * rewrites the tables and statistics and retires the WAL segments holding the old rows.
   */
  async forget(who: ForgetRequest): Promise<Forgotten> {
    const gone = await this.db.transaction((q) => forgetPerson(q, who));
    if (gone.chats + gone.pairings + gone.partnerLinks === 0) return gone;
    const files = this.db.kind === 'sqlite' ? await cleanSqliteFiles(this.db) : await cleanPostgresFiles(this.db);
    return { ...gone, files };
  }

  async chatStats(options: { since?: number } = {}): Promise<ChatStats> {
    return chatStats(this.db, options);
  }

  chatsPerDay(options: { since: number }): Promise<ChatsOnDay[]> {
    return chatsPerDay(this.db, options.since);
  }

  recentChats(options: { since: number; limit: number }): Promise<ChatRow[]> {
    return recentChats(this.db, options.since, options.limit);
  }

  uploadHistory(options: { limit: number }): Promise<UploadRecord[]> {
    return uploadHistory(this.db, options.limit);
  }

  tryUploadLock(): Promise<ReleaseLock | null> {
    return this.db.tryLock('upload');
  }

  /** Everything stored, in a stable order: what the tests compare. */
  snapshot(): Promise<StorageSnapshot> {
    return snapshotOf(this.db);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Beacons already accepted are written before the database closes.
    await this.pairings.drain();
    await this.db.close();
  }
}
