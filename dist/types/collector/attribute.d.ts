import { type ChatIdFormat } from '../match/index.js';
import type { PairingInput, Storage } from '../storage/types.js';
import { type ChatResult } from './attribution.js';
import type { ChatReport } from './validate.js';
export { type ChatResult, findChatId, findChatIdCandidates } from './attribution.js';
/**
 * Stores a chat and attributes it: its chat ID (found, or linked to its partner earlier) → the
 * latest pairing at or before the chat's time, else the latest one. A found chat ID links the
 * partner for good. An attributed chat is never downgraded by a later report without an ID.
 * The decisions are in attribution.ts; this does the lookups and the writes around them.
 */
export declare function recordChat(storage: Storage, report: ChatReport, format?: ChatIdFormat): Promise<ChatResult>;
/**
 * After a pairing is stored: the matched chats of its chat ID that it may complete with a ClientID
 * or UserID (the Metrica tag loaded after the chat started). A chat already uploaded is uploaded
 * again under the same Metrica key, which Metrica takes as an update of the same conversion.
 * Resolves to how many chats were upgraded.
 */
export declare function upgradeChatsWith(storage: Storage, pairing: PairingInput): Promise<number>;
