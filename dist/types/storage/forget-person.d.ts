import { type Sql } from './sql.js';
import type { ForgetRequest, Forgotten } from './types.js';
/**
 * Deletes everything held about a person: their chats, the partner links and the pairings of
 * their chat IDs. Runs inside the caller's transaction, so it is all or nothing.
 */
export declare function forgetPerson(q: Sql, who: ForgetRequest): Promise<Forgotten>;
