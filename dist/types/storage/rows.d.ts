import type { ChatPlatform, ConversionRecord } from '../shared/conversion.js';
import type { ChatInput, ChatRow, PairingInput, PartnerRef } from './types.js';
/**
 * Pure row logic shared by both adapters: the chat key, merging a report into a stored row,
 * and turning a row into the CHATS record. Adapters only move these values in and out of SQL.
 */
/**
 * A phone number as chats store it and as it is looked up: spaces, dots, dashes and brackets
 * dropped, then an optional `+` and 7–15 digits with the country code; null for anything else.
 */
export declare function compactPhone(raw: string): string | null;
/** True when a pairing carries a Metrica ID that a chat can be credited with. */
export declare const hasMetricaId: (p: Pick<PairingInput, "clientId" | "userId" | "yclid" | "purchaseId">) => boolean;
/** The partner identifiers of a chat, in the order used for its key and for partner lookups. */
export declare function partnersOf(input: {
    chatUserId?: string;
    chatUsername?: string;
    phoneNumber?: string;
}): PartnerRef[];
/**
 * Metrica updates a chat by DateTime + ChatPlatform + partner ID, so the row key is made of the same.
 * It is hashed so that keys (which reach logs and the uploader) never carry a phone number.
 */
export declare function chatKey(dateTime: number, platform: ChatPlatform, partner: PartnerRef): string;
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
