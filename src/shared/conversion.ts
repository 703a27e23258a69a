/**
 * The Metrica CHATS row: the one shape the collector stores, exports and the uploader sends.
 * Values are strings exactly as they will stand in the CSV (ClientID stays a digit string and
 * never passes through a float); an absent key is an empty cell.
 */

export const CHAT_PLATFORMS = ['telegram', 'whatsapp', 'viber'] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

/** Column order of the CHATS CSV (Metrica's "Passing chat data" page). */
export const CSV_COLUMNS = [
  'ClientID',
  'UserID',
  'Yclid',
  'PurchaseID',
  'DateTime',
  'ChatPlatform',
  'ChatUsername',
  'ChatUserID',
  'PhoneNumber',
  'ChatAnswered',
  'Tag',
  'Price',
  'Currency',
  'URL',
  'MessengerTrackerURL',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The IDs that let Metrica attribute a chat; a row with none of them is uploaded unattributed. */
export const METRICA_ID_COLUMNS = ['ClientID', 'UserID', 'Yclid', 'PurchaseID'] as const satisfies readonly CsvColumn[];
/** The chat partner: at least one per row; with DateTime and ChatPlatform it is Metrica's update key. */
export const PARTNER_CSV_COLUMNS = [
  'ChatUsername',
  'ChatUserID',
  'PhoneNumber',
] as const satisfies readonly CsvColumn[];
/**
 * The former name of {@link PARTNER_CSV_COLUMNS}, kept because `metrica-chats/uploader` exports
 * it; the storage had a map of the same name (now PARTNER_DB_COLUMN).
 * @deprecated Use PARTNER_CSV_COLUMNS.
 */
export const PARTNER_COLUMNS = PARTNER_CSV_COLUMNS;

export type ConversionRecord = { [K in CsvColumn]?: string };
