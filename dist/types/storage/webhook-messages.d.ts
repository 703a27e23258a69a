import { type Sql } from './sql.js';
/** Remembers the message with its DateTime unless it is known, and returns the DateTime remembered first. */
export declare function rememberMessage(db: Sql, seenAt: number, source: string, messageId: string, dateTime: number): Promise<number>;
