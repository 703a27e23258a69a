import type { PendingConversion, UploadReceipt } from './contract.js';
import { rowFromColumns } from './rows.js';
import { type SqlDriver } from './sql.js';
import type { ChatInput, ChatRow, ChatStats, ChatsOnDay, ForgetRequest, Forgotten, Pairing, PairingInput, PartnerIdsOf, PartnerRef, ReleaseLock, Storage, StorageSnapshot, UploadRecord, UpsertResult } from './types.js';
/** The storage logic, written once over the adapters' SQL surface: the queries of every method. */
export declare class SqlStorage implements Storage {
    private readonly db;
    private readonly now;
    readonly kind: 'sqlite' | 'postgres';
    private closed;
    private readonly pairings;
    constructor(db: SqlDriver, now?: () => number);
    /**
     * Beacons arriving together are written in one group commit (see group-commit.ts), and each
     * caller resolves only after that commit, with how many waiting chats its pairing completed
     * and whether matched chats of its chat ID could take its IDs.
     */
    insertPairing(p: PairingInput): Promise<{
        id: number;
        rematched: number;
        upgradable: boolean;
    }>;
    findPairing(chatId: string, at: number): Promise<Pairing | null>;
    pairingsBetween(chatId: string, from: number, to: number): Promise<Pairing[]>;
    upgradableChats(chatId: string): Promise<ChatRow[]>;
    upgradeChat(key: string, ids: {
        clientId?: string;
        userId?: string;
    }): Promise<ChatRow | null>;
    linkPartner(platform: string, partners: readonly PartnerRef[], chatId: string, at: number): Promise<void>;
    findLinkedChatId(platform: string, partners: readonly PartnerRef[]): Promise<string | null>;
    getChat(key: string): Promise<ReturnType<typeof rowFromColumns> | null>;
    partnerHasChat(platform: string, partner: PartnerRef): Promise<boolean>;
    findSameChat(dateTime: number, platform: string, ids: PartnerIdsOf): Promise<ChatRow | null>;
    upsertChat(key: string, input: ChatInput): Promise<UpsertResult>;
    pendingConversions(options?: {
        since?: number;
        includeHeld?: boolean;
    }): AsyncIterable<PendingConversion>;
    markUploaded(receipt: UploadReceipt, rows: ReadonlyArray<{
        key: string;
        revision: number;
    }>): Promise<void>;
    ping(): Promise<void>;
    holdBack(rows: ReadonlyArray<{
        key: string;
        revision: number;
        reason: string;
    }>): Promise<void>;
    updateUploadStatus(uploadId: string, status: string, details?: Record<string, unknown>): Promise<void>;
    rememberMessage(source: string, messageId: string, dateTime: number): Promise<number>;
    purgePairings(before: number): Promise<number>;
    purgeOlderThan(before: number): Promise<{
        pairings: number;
        webhookMessages: number;
    }>;
    /**
     * Deletes one person's data, then does what the database allows so its files keep no readable
     * copy (see forget-files.ts): SQLite zeroes deleted content and truncates its WAL; PostgreSQL
     * rewrites the tables and statistics and retires the WAL segments holding the old rows.
     */
    forget(who: ForgetRequest): Promise<Forgotten>;
    chatStats(options?: {
        since?: number;
    }): Promise<ChatStats>;
    chatsPerDay(options: {
        since: number;
    }): Promise<ChatsOnDay[]>;
    recentChats(options: {
        since: number;
        limit: number;
    }): Promise<ChatRow[]>;
    uploadHistory(options: {
        limit: number;
    }): Promise<UploadRecord[]>;
    tryUploadLock(): Promise<ReleaseLock | null>;
    /** Everything stored, in a stable order: what the tests compare. */
    snapshot(): Promise<StorageSnapshot>;
    close(): Promise<void>;
}
