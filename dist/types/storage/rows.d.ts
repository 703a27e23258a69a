import type { ConversionRecord } from '../shared/conversion.js';
import type { ChatInput, ChatRow } from './types.js';
/**
 * Pure row logic shared by both adapters: merging a report into a stored row, and turning a row
 * into the CHATS record. The rules of a chat (its key, its partner, its values) live in `domain/`;
 * adapters only move these values in and out of SQL.
 */
export { chatKey, hasMetricaId, partnersOf } from '../domain/index.js';
/** Column values of a chat row in the database, snake_case, as both dialects store them. */
export interface ChatColumns {
    key: string;
    revision: number;
    uploaded_revision: number | null;
    date_time: number;
    platform: string;
    chat_username: string | null;
    chat_user_id: string | null;
    phone_number: string | null;
    answered: number | null;
    tags: string | null;
    price: string | null;
    currency: string | null;
    messenger_tracker_url: string | null;
    chat_id: string | null;
    chat_id_source: string | null;
    client_id: string | null;
    user_id: string | null;
    yclid: string | null;
    purchase_id: string | null;
    url: string | null;
    unattributed_reason: string | null;
    chat_id_repair: string | null;
    chat_id_count: number | string | null;
    upgraded_at: number | string | null;
    created_at: number;
    updated_at: number;
}
/** The chats column that holds each kind of partner identifier. */
export declare const PARTNER_DB_COLUMN: {
    readonly ChatUserID: "chat_user_id";
    readonly ChatUsername: "chat_username";
    readonly PhoneNumber: "phone_number";
};
export declare const CHAT_COLUMNS: ReadonlyArray<keyof ChatColumns>;
/** Reads a database row (numbers may come back as strings from PostgreSQL bigint) into a ChatRow. */
export declare function rowFromColumns(c: ChatColumns): ChatRow;
declare function columnsFromRow(r: ChatRow): ChatColumns;
/**
 * Merges a report into the stored row (or makes a new one). Fields absent from the report keep
 * their stored value, so a CRM can send `answered` or `price` later on its own. Returns the
 * columns to write and whether the chat changed; an unchanged chat keeps its revision so a repeated
 * report is not uploaded again.
 */
export declare function mergeChat(key: string, existing: ChatColumns | null, input: ChatInput, now: number): {
    columns: ChatColumns;
    changed: boolean;
};
/** The CHATS record of a row: column-named strings, absent keys for empty cells. */
export declare function recordOf(row: ChatRow): ConversionRecord;
export { columnsFromRow };
