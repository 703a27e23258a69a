import type { ChatColumns } from './rows.js';
import type { Sql } from './sql.js';
import type { PartnerIdsOf } from './types.js';
/** The stored chat of this platform and DateTime that shares any partner ID with `ids`, oldest first. */
export declare function findSameChat(q: Sql, dateTime: number, platform: string, ids: PartnerIdsOf, forUpdate: string): Promise<ChatColumns | null>;
