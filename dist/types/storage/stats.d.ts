import { type Sql } from './sql.js';
import { type ChatStats } from './types.js';
/** Counts of chats (at or after `since`, Unix seconds) by outcome and platform, and of pairings. */
export declare function chatStats(db: Sql, options?: {
    since?: number;
}): Promise<ChatStats>;
