import { type SqlDriver } from './sql.js';
import type { ChatRow } from './types.js';
/** Writes every column of a chat row but its key; the key is the last parameter. */
export declare const UPDATE_CHAT: string;
/** Matched chats missing a ClientID or UserID (the partial index chats_upgradable holds them). */
export declare const UPGRADABLE = "unattributed_reason IS NULL AND (client_id IS NULL OR user_id IS NULL)";
/** Attributed chats of this chat ID still missing a ClientID or UserID: what a later pairing can fill. */
export declare function upgradableChats(db: SqlDriver, chatId: string): Promise<ChatRow[]>;
/**
 * Which of these chat IDs have a chat that upgradableChats would return, in one query: a batch of
 * beacons asks once, and only a beacon whose chat ID is here looks further.
 */
export declare function chatIdsWithUpgradableChats(db: SqlDriver, chatIds: string[]): Promise<Set<string>>;
/** Fills the missing ClientID or UserID of an attributed chat, never replacing one; null when nothing changed. */
export declare function upgradeChat(db: SqlDriver, key: string, ids: {
    clientId?: string;
    userId?: string;
}, now: () => number): Promise<ChatRow | null>;
