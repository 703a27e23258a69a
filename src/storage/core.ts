import type { PendingConversion, UploadReceipt } from './contract.js';
import { CHAT_COLUMNS, type ChatColumns, hasMetricaId, mergeChat, recordOf, rowFromColumns } from './rows.js';
import type { ColumnSpec, SqlDriver, SqlValue } from './sql.js';
import {
  type ChatInput,
  type ChatStats,
  type ForgetRequest,
  type Forgotten,
  type Pairing,
  type PairingInput,
  type PartnerRef,
  type Storage,
  type StorageSnapshot,
  UNATTRIBUTED_REASONS,
  type UpsertResult,
} from './types.js';

const PAGE_SIZE = 500;
/** Most beacons in one group commit (11 parameters each, well under both dialects' limits). */
const MAX_BATCH = 256;
/** Beacons waiting that justify a second batch beside one being written (see canStartBatch). */
const PARALLEL_BACKLOG = 64;

interface QueuedPairing {
  p: PairingInput;
  resolve: (r: { id: number; rematched: number }) => void;
  reject: (e: unknown) => void;
}
const n = (v: unknown): number => Number(v ?? 0);

interface PairingColumns {
  id: number | string;
  chat_id: string;
  client_id: string | null;
  yclid: string | null;
  user_id: string | null;
  purchase_id: string | null;
  counter_id: string | null;
  url: string | null;
  referrer: string | null;
  platform: string | null;
  ts: number | string | null;
  received_at: number | string;
}

function pairingFromColumns(c: PairingColumns): Pairing {
  const p: Pairing = { id: n(c.id), chatId: c.chat_id, receivedAt: n(c.received_at) };
  if (c.client_id !== null) p.clientId = c.client_id;
  if (c.yclid !== null) p.yclid = c.yclid;
  if (c.user_id !== null) p.userId = c.user_id;
  if (c.purchase_id !== null) p.purchaseId = c.purchase_id;
  if (c.counter_id !== null) p.counterId = c.counter_id;
  if (c.url !== null) p.url = c.url;
  if (c.referrer !== null) p.referrer = c.referrer;
  if (c.platform !== null) p.platform = c.platform as Pairing['platform'];
  if (c.ts !== null) p.ts = n(c.ts);
  return p;
}

const PAIRING_INSERT_COLUMNS: readonly ColumnSpec[] = [
  ['chat_id', 'TEXT'],
  ['client_id', 'TEXT'],
  ['yclid', 'TEXT'],
  ['user_id', 'TEXT'],
  ['purchase_id', 'TEXT'],
  ['counter_id', 'TEXT'],
  ['url', 'TEXT'],
  ['referrer', 'TEXT'],
  ['platform', 'TEXT'],
  ['ts', 'BIGINT'],
  ['received_at', 'BIGINT'],
];

/** One `?` per value, for a VALUES list or an IN list. */
const placeholders = (xs: readonly unknown[]): string => xs.map(() => '?').join(', ');

const INSERT_CHAT = `INSERT INTO chats (${CHAT_COLUMNS.join(', ')}) VALUES (${placeholders(CHAT_COLUMNS)}) ON CONFLICT (key) DO NOTHING`;
const UPDATE_CHAT = `UPDATE chats SET ${CHAT_COLUMNS.filter((c) => c !== 'key')
  .map((c) => `${c} = ?`)
  .join(', ')} WHERE key = ?`;

const orNull = (x: string | number | undefined): SqlValue => x ?? null;

/** The chats column that holds each kind of partner identifier. */
const PARTNER_COLUMNS = {
  ChatUserID: 'chat_user_id',
  ChatUsername: 'chat_username',
  PhoneNumber: 'phone_number',
} as const;

/** The storage logic, written once over the adapters' SQL surface. */
export class SqlStorage implements Storage {
  readonly kind: 'sqlite' | 'postgres';
  private closed = false;

  constructor(
    private readonly db: SqlDriver,
    private readonly now: () => number = Date.now,
  ) {
    this.kind = db.kind;
  }

  /**
   * Group commit: beacons arriving together are written in one transaction (one multi-row INSERT),
   * and each caller resolves only after that commit. One commit per beacon would cap the
   * collector at the disk's commit rate; one per batch keeps it near the HTTP layer's own speed.
   */
  insertPairing(p: PairingInput): Promise<{ id: number; rematched: number }> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ p, resolve, reject });
      this.scheduleFlush();
    });
  }

  private queue: QueuedPairing[] = [];
  /** Batches being written now; at most `db.writeConcurrency`. */
  private readonly writing = new Set<Promise<void>>();
  private flushScheduled = false;

  /**
   * One batch at a time while the backlog is small: beacons arriving meanwhile wait for it and go
   * together next, which keeps batches large and the per-batch cost (a commit, round trips) low.
   * Only a backlog of PARALLEL_BACKLOG beacons or more starts another one beside it, up to what the driver
   * allows: that is when a database a round trip away, not the CPU, is what holds beacons back.
   */
  private canStartBatch(): boolean {
    const busy = this.writing.size;
    return busy === 0 || (busy < this.db.writeConcurrency && this.queue.length >= PARALLEL_BACKLOG);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || !this.canStartBatch()) return;
    this.flushScheduled = true;
    // setImmediate: requests already read in this turn of the event loop join the same batch.
    setImmediate(() => {
      this.flushScheduled = false;
      while (this.queue.length > 0 && this.canStartBatch()) {
        const done: Promise<void> = this.flush(this.queue.splice(0, MAX_BATCH)).finally(() => {
          this.writing.delete(done);
          if (this.queue.length > 0) this.scheduleFlush();
        });
        this.writing.add(done);
      }
    });
  }

  private async flush(batch: QueuedPairing[]): Promise<void> {
    let ids: number[];
    try {
      ids = await this.insertPairingRows(batch.map((b) => b.p));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One bad row must not fail the others: insert them one by one, then complete as one batch.
      const inserted: QueuedPairing[] = [];
      const insertedIds: number[] = [];
      for (const b of batch) {
        try {
          insertedIds.push(...(await this.insertPairingRows([b.p])));
          inserted.push(b);
        } catch (e) {
          b.reject(e);
        }
      }
      if (inserted.length > 0) await this.complete(inserted, insertedIds);
      return;
    }
    await this.complete(batch, ids);
  }

  /**
   * Completes the chats waiting for these committed pairings, and settles each caller. Retrying the
   * INSERT would store the rows twice, so a failure here runs the completion once more on its own;
   * a second failure rejects only the pairings that carry a Metrica ID (the ones a waiting chat
   * needed), saying that they are stored.
   */
  private async complete(batch: QueuedPairing[], ids: number[]): Promise<void> {
    const pairings = batch.map((b) => b.p);
    let rematched: number[];
    try {
      rematched = await this.completeWaitingChats(pairings);
    } catch {
      try {
        rematched = await this.completeWaitingChats(pairings);
      } catch (error) {
        const failure = new Error(
          `pairing stored, but completing the chats waiting for it failed: ${(error as Error).message}`,
          { cause: error },
        );
        for (const [i, b] of batch.entries()) {
          if (hasMetricaId(b.p)) b.reject(failure);
          else b.resolve({ id: ids[i] ?? 0, rematched: 0 });
        }
        return;
      }
    }
    for (const [i, b] of batch.entries()) b.resolve({ id: ids[i] ?? 0, rematched: rematched[i] ?? 0 });
  }

  /**
   * The batch is one multi-row INSERT, atomic on its own in both dialects, so it needs no explicit
   * transaction (two round trips fewer on PostgreSQL).
   */
  private insertPairingRows(pairings: PairingInput[]): Promise<number[]> {
    return this.db.insertMany(
      'pairings',
      PAIRING_INSERT_COLUMNS,
      pairings.map((p) => [
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
      ]),
    );
  }

  /**
   * Chats that arrived before their beacon wait unattributed; a pairing with IDs completes them.
   * Resolves to how many chats each pairing completed, by position in `pairings`.
   */
  private async completeWaitingChats(pairings: PairingInput[]): Promise<number[]> {
    const rematched = pairings.map(() => 0);
    const withIds = pairings.filter(hasMetricaId);
    if (withIds.length === 0) return rematched;
    const chatIds = [...new Set(withIds.map((p) => p.chatId))];
    const waiting = await this.db.all<{ chat_id: string }>(
      `SELECT DISTINCT chat_id FROM chats WHERE chat_id IN (${placeholders(chatIds)})
         AND unattributed_reason IS NOT NULL AND unattributed_reason IN ('chat_id_not_paired', 'pairing_without_metrica_id')`,
      chatIds,
    );
    const waitingIds = new Set(waiting.map((w) => w.chat_id));
    // The last pairing of a chat ID in the batch is the latest; it alone fills the waiting chats.
    const latest = new Map<string, number>();
    for (const [i, p] of pairings.entries()) if (hasMetricaId(p) && waitingIds.has(p.chatId)) latest.set(p.chatId, i);
    if (latest.size === 0) return rematched;
    await this.db.transaction(async (tx) => {
      for (const i of latest.values()) {
        const p = pairings[i] as PairingInput;
        rematched[i] = await tx.run(
          `UPDATE chats SET client_id = ?, user_id = ?, yclid = ?, purchase_id = ?, url = COALESCE(?, url),
             unattributed_reason = NULL, revision = revision + 1, updated_at = ?
           WHERE chat_id = ? AND unattributed_reason IS NOT NULL
             AND unattributed_reason IN ('chat_id_not_paired', 'pairing_without_metrica_id')`,
          [
            orNull(p.clientId),
            orNull(p.userId),
            orNull(p.yclid),
            orNull(p.purchaseId),
            orNull(p.url),
            this.now(),
            p.chatId,
          ],
        );
      }
    });
    return rematched;
  }

  async findPairing(chatId: string, at: number): Promise<Pairing | null> {
    const row = await this.db.get<PairingColumns>(
      `SELECT * FROM pairings WHERE chat_id = ?
       ORDER BY CASE WHEN received_at <= ? THEN 1 ELSE 0 END DESC, received_at DESC, id DESC LIMIT 1`,
      [chatId, at],
    );
    return row ? pairingFromColumns(row) : null;
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
    const column = PARTNER_COLUMNS[partner.kind];
    const row = await this.db.get(`SELECT 1 AS x FROM chats WHERE platform = ? AND ${column} = ? LIMIT 1`, [
      platform,
      partner.value,
    ]);
    return row !== undefined;
  }

  async upsertChat(key: string, input: ChatInput): Promise<UpsertResult> {
    return this.db.transaction(async (q) => {
      const select = `SELECT * FROM chats WHERE key = ?${this.db.forUpdate}`;
      let existing = (await q.get<ChatColumns>(select, [key])) ?? null;
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

  async *pendingConversions(options: { since?: number } = {}): AsyncIterable<PendingConversion> {
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
        `SELECT * FROM chats WHERE (uploaded_revision IS NULL OR uploaded_revision <> revision)
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
    await this.db.transaction(async (q) => {
      await q.run(
        `INSERT INTO uploads (upload_id, counter_id, status, sent_at, row_count, comment, details, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
         ON CONFLICT (upload_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
        [
          receipt.uploadId,
          receipt.counterId,
          receipt.status,
          receipt.sentAt,
          receipt.rowCount,
          receipt.comment ?? null,
          this.now(),
        ],
      );
      for (const r of rows) {
        await q.run('INSERT INTO upload_rows (upload_id, chat_key, revision) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
          receipt.uploadId,
          r.key,
          r.revision,
        ]);
        // Only ever forward: a row changed after it was read keeps a newer revision and stays pending.
        await q.run(
          'UPDATE chats SET uploaded_revision = ? WHERE key = ? AND revision >= ? AND (uploaded_revision IS NULL OR uploaded_revision < ?)',
          [r.revision, r.key, r.revision, r.revision],
        );
      }
    });
  }

  async updateUploadStatus(uploadId: string, status: string, details?: Record<string, unknown>): Promise<void> {
    const changed = await this.db.run(
      'UPDATE uploads SET status = ?, details = COALESCE(?, details), updated_at = ? WHERE upload_id = ?',
      [status, details === undefined ? null : JSON.stringify(details), this.now(), uploadId],
    );
    if (changed === 0)
      throw new Error(`unknown upload ID ${JSON.stringify(uploadId)}: record it with markUploaded first`);
  }

  async purgePairings(before: number): Promise<number> {
    return this.db.run('DELETE FROM pairings WHERE received_at < ?', [before]);
  }

  async forget(who: ForgetRequest): Promise<Forgotten> {
    return this.db.transaction(async (q) => {
      const platform = who.platform ? ' AND platform = ?' : '';
      const onPlatform = who.platform ? [who.platform] : [];
      const chatIds = new Set<string>(who.chatId ? [who.chatId] : []);
      const keys = new Set<string>();
      const partner = who.partner && who.partner.values.length > 0 ? who.partner : undefined;
      // Usernames are case-insensitive in Telegram: compared through LOWER() on both sides, which
      // folds ASCII letters in SQLite (and in PostgreSQL's C locale) and leaves others as they are.
      const fold = partner?.kind === 'ChatUsername';
      const value = fold ? 'LOWER(value)' : 'value';
      const wanted = partner ? partner.values.map(() => (fold ? 'LOWER(?)' : '?')).join(', ') : '';
      if (partner) {
        const column = fold ? 'LOWER(chat_username)' : PARTNER_COLUMNS[partner.kind];
        const chats = await q.all<{ key: string; chat_id: string | null }>(
          `SELECT key, chat_id FROM chats WHERE ${column} IN (${wanted})${platform}`,
          [...partner.values, ...onPlatform],
        );
        const links = await q.all<{ chat_id: string }>(
          `SELECT chat_id FROM partners WHERE kind = ? AND ${value} IN (${wanted})${platform}`,
          [partner.kind, ...partner.values, ...onPlatform],
        );
        for (const c of chats) {
          keys.add(c.key);
          if (c.chat_id) chatIds.add(c.chat_id);
        }
        for (const l of links) chatIds.add(l.chat_id);
      }
      const ids = [...chatIds];
      if (ids.length > 0) {
        const more = await q.all<{ key: string }>(`SELECT key FROM chats WHERE chat_id IN (${placeholders(ids)})`, ids);
        for (const c of more) keys.add(c.key);
      }
      const chatKeys = [...keys];
      let chats = 0;
      if (chatKeys.length > 0) {
        await q.run(`DELETE FROM upload_rows WHERE chat_key IN (${placeholders(chatKeys)})`, chatKeys);
        chats = await q.run(`DELETE FROM chats WHERE key IN (${placeholders(chatKeys)})`, chatKeys);
      }
      let partnerLinks = 0;
      if (ids.length > 0)
        partnerLinks += await q.run(`DELETE FROM partners WHERE chat_id IN (${placeholders(ids)})`, ids);
      if (partner) {
        // Links of this partner to chat IDs not listed above cannot exist, but a link is personal
        // data on its own: delete by identifier too.
        partnerLinks += await q.run(`DELETE FROM partners WHERE kind = ? AND ${value} IN (${wanted})${platform}`, [
          partner.kind,
          ...partner.values,
          ...onPlatform,
        ]);
      }
      const pairings =
        ids.length > 0 ? await q.run(`DELETE FROM pairings WHERE chat_id IN (${placeholders(ids)})`, ids) : 0;
      return { chats, pairings, partnerLinks, chatIds: ids.sort() };
    });
  }

  async chatStats(options: { since?: number } = {}): Promise<ChatStats> {
    const since = options.since ?? Number.MIN_SAFE_INTEGER;
    const totals = await this.db.get<Record<string, number | string | null>>(
      `SELECT COUNT(*) AS chats,
         SUM(CASE WHEN chat_id IS NOT NULL THEN 1 ELSE 0 END) AS with_chat_id,
         SUM(CASE WHEN chat_id_source = 'message' THEN 1 ELSE 0 END) AS carried_chat_id,
         SUM(CASE WHEN chat_id_source = 'partner' THEN 1 ELSE 0 END) AS linked_by_partner,
         SUM(CASE WHEN unattributed_reason IS NULL THEN 1 ELSE 0 END) AS matched,
         SUM(CASE WHEN uploaded_revision IS NOT NULL AND uploaded_revision = revision THEN 1 ELSE 0 END) AS uploaded
       FROM chats WHERE date_time >= ?`,
      [since],
    );
    const platforms = await this.db.all<{ platform: string; c: number | string }>(
      'SELECT platform, COUNT(*) AS c FROM chats WHERE date_time >= ? GROUP BY platform ORDER BY platform',
      [since],
    );
    const reasons = await this.db.all<{ r: string; c: number | string }>(
      'SELECT unattributed_reason AS r, COUNT(*) AS c FROM chats WHERE date_time >= ? AND unattributed_reason IS NOT NULL GROUP BY unattributed_reason',
      [since],
    );
    const pairings = await this.db.get<{ c: number | string }>('SELECT COUNT(*) AS c FROM pairings');
    const unattributed = Object.fromEntries(UNATTRIBUTED_REASONS.map((r) => [r, 0])) as ChatStats['unattributed'];
    for (const r of reasons) if (r.r in unattributed) unattributed[r.r as keyof typeof unattributed] = n(r.c);
    const chats = n(totals?.chats);
    const uploaded = n(totals?.uploaded);
    return {
      chats,
      byPlatform: Object.fromEntries(platforms.map((p) => [p.platform, n(p.c)])),
      withChatId: n(totals?.with_chat_id),
      carriedChatId: n(totals?.carried_chat_id),
      linkedByPartner: n(totals?.linked_by_partner),
      matched: n(totals?.matched),
      uploaded,
      pending: chats - uploaded,
      unattributed,
      pairings: n(pairings?.c),
    };
  }

  async snapshot(): Promise<StorageSnapshot> {
    const pairings = await this.db.all<PairingColumns>('SELECT * FROM pairings ORDER BY id');
    const chats = await this.db.all<ChatColumns>('SELECT * FROM chats ORDER BY key');
    const partners = await this.db.all<{
      platform: string;
      kind: string;
      value: string;
      chat_id: string;
      linked_at: number | string;
    }>('SELECT * FROM partners ORDER BY platform, kind, value');
    const uploads = await this.db.all<{ upload_id: string; status: string; row_count: number | string }>(
      'SELECT upload_id, status, row_count FROM uploads ORDER BY upload_id',
    );
    return {
      pairings: pairings.map(pairingFromColumns),
      chats: chats.map(rowFromColumns),
      partners: partners.map((p) => ({
        platform: p.platform,
        kind: p.kind as PartnerRef['kind'],
        value: p.value,
        chatId: p.chat_id,
        linkedAt: n(p.linked_at),
      })),
      uploads: uploads.map((u) => ({ uploadId: u.upload_id, status: u.status, rowCount: n(u.row_count) })),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Beacons already accepted are written before the database closes.
    while (this.writing.size > 0 || this.flushScheduled || this.queue.length > 0) {
      if (this.writing.size > 0) await Promise.all(this.writing);
      else await new Promise((r) => setImmediate(r));
    }
    await this.db.close();
  }
}
