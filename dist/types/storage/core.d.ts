import type { PendingConversion, UploadReceipt } from './contract.js';
import { rowFromColumns } from './rows.js';
import type { SqlDriver } from './sql.js';
import { type ChatInput, type ChatStats, type ForgetRequest, type Forgotten, type Pairing, type PairingInput, type PartnerRef, type Storage, type StorageSnapshot, type UpsertResult } from './types.js';
/** The storage logic, written once over the adapters' SQL surface. */
export declare class SqlStorage implements Storage {
    private readonly db;
    private readonly now;
    readonly kind: 'sqlite' | 'postgres';
    private closed;
    constructor(db: SqlDriver, now?: () => number);
    /**
     * Group commit: beacons arriving together are written in one transaction (one multi-row INSERT),
     * and each caller resolves only after that commit. One commit per beacon would cap the
     * collector at the disk's commit rate; one per batch keeps it near the HTTP layer's own speed.
     */
    insertPairing(p: PairingInput): Promise<{
        id: number;
        rematched: number;
    }>;
    private queue;
    /** Batches being written now; at most `db.writeConcurrency`. */
    private readonly writing;
    private flushScheduled;
    /**
     * One batch at a time while the backlog is small: beacons arriving meanwhile wait for it and go
     * together next, which keeps batches large and the per-batch cost (a commit, round trips) low.
     * Only a backlog of PARALLEL_BACKLOG beacons or more starts another one beside it, up to what the driver
     * allows: that is when a database a round trip away, not the CPU, is what holds beacons back.
     */
    private canStartBatch;
    private scheduleFlush;
    private flush;
    /**
     * Completes the chats waiting for these committed pairings, and settles each caller. Retrying the
     * INSERT would store the rows twice, so a failure here runs the completion once more on its own;
     * a second failure rejects only the pairings that carry a Metrica ID (the ones a waiting chat
     * needed), saying that they are stored.
     */
    private complete;
    /**
     * The batch is one multi-row INSERT, atomic on its own in both dialects, so it needs no explicit
     * transaction (two round trips fewer on PostgreSQL).
     */
    private insertPairingRows;
    /**
     * Chats that arrived before their beacon wait unattributed; a pairing with IDs completes them.
     * Resolves to how many chats each pairing completed, by position in `pairings`.
     */
    private completeWaitingChats;
    findPairing(chatId: string, at: number): Promise<Pairing | null>;
    linkPartner(platform: string, partners: readonly PartnerRef[], chatId: string, at: number): Promise<void>;
    findLinkedChatId(platform: string, partners: readonly PartnerRef[]): Promise<string | null>;
    getChat(key: string): Promise<ReturnType<typeof rowFromColumns> | null>;
    partnerHasChat(platform: string, partner: PartnerRef): Promise<boolean>;
    upsertChat(key: string, input: ChatInput): Promise<UpsertResult>;
    pendingConversions(options?: {
        since?: number;
    }): AsyncIterable<PendingConversion>;
    markUploaded(receipt: UploadReceipt, rows: ReadonlyArray<{
        key: string;
        revision: number;
    }>): Promise<void>;
    updateUploadStatus(uploadId: string, status: string, details?: Record<string, unknown>): Promise<void>;
    purgePairings(before: number): Promise<number>;
    forget(who: ForgetRequest): Promise<Forgotten>;
    chatStats(options?: {
        since?: number;
    }): Promise<ChatStats>;
    snapshot(): Promise<StorageSnapshot>;
    close(): Promise<void>;
}
