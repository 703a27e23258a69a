/**
 * The Metrica CHATS row: the one shape the collector stores, exports and the uploader sends.
 * Values are strings exactly as they will stand in the CSV (ClientID stays a digit string and
 * never passes through a float); an absent key is an empty cell.
 */
export declare const CHAT_PLATFORMS: readonly ["telegram", "whatsapp", "viber"];
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];
/** Column order of the CHATS CSV (Metrica's "Passing chat data" page). */
export declare const CSV_COLUMNS: readonly ["ClientID", "UserID", "Yclid", "PurchaseID", "DateTime", "ChatPlatform", "ChatUsername", "ChatUserID", "PhoneNumber", "ChatAnswered", "Tag", "Price", "Currency", "URL", "MessengerTrackerURL"];
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** The IDs that let Metrica attribute a chat; a row with none of them is uploaded unattributed. */
export declare const METRICA_ID_COLUMNS: readonly ["ClientID", "UserID", "Yclid", "PurchaseID"];
/** The chat partner: at least one per row; with DateTime and ChatPlatform it is Metrica's update key. */
export declare const PARTNER_CSV_COLUMNS: readonly ["ChatUsername", "ChatUserID", "PhoneNumber"];
/**
 * The former name of {@link PARTNER_CSV_COLUMNS}, kept because `metrica-chats/uploader` exports
 * it; the storage had a map of the same name (now PARTNER_DB_COLUMN).
 * @deprecated Use PARTNER_CSV_COLUMNS.
 */
export declare const PARTNER_COLUMNS: readonly ["ChatUsername", "ChatUserID", "PhoneNumber"];
export type ConversionRecord = {
    [K in CsvColumn]?: string;
};
