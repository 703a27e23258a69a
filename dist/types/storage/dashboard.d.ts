import { type Sql } from './sql.js';
import type { ChatRow, ChatsOnDay, UploadRecord } from './types.js';
/**
 * What the dashboard lists beside the yield figures (those come from chatStats, as for
 * `/v1/stats` and `report`): chats per UTC day, the latest chats, the upload history.
 */
/** Chats per UTC day at or after `since` (Unix seconds), attributed or not; days without chats are absent. */
export declare function chatsPerDay(db: Sql, since: number): Promise<ChatsOnDay[]>;
/** The latest chats at or after `since`, newest first. */
export declare function recentChats(db: Sql, since: number, limit: number): Promise<ChatRow[]>;
/** The latest uploads, newest first, with the counts Metrica reported once it processed them. */
export declare function uploadHistory(db: Sql, limit: number): Promise<UploadRecord[]>;
