import type { SqlDriver } from './sql.js';
import type { ChatRow } from './types.js';
/** Writes every column of a chat row but its key; the key is the last parameter. */
export declare const UPDATE_CHAT: string;
/** Attributed chats of this chat ID still missing a ClientID or UserID: what a later pairing can fill. */
export declare function upgradableChats(db: SqlDriver, chatId: string): Promise<ChatRow[]>;
/** Fills the missing ClientID or UserID of an attributed chat, never replacing one; null when nothing changed. */
export declare function upgradeChat(db: SqlDriver, key: string, ids: {
    clientId?: string;
    userId?: string;
}, now: () => number): Promise<ChatRow | null>;
