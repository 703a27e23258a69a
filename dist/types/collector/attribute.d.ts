import { type ChatIdFormat } from '../match/index.js';
import type { Storage, UnattributedReason } from '../storage/types.js';
import type { ChatReport } from './validate.js';
/**
 * Where the chat ID of a chat comes from, in order of trust: given explicitly, a Telegram
 * `/start <payload>`, Viber's `context`, or the first message's text. Pure.
 */
export declare function findChatId(report: Pick<ChatReport, 'chatId' | 'text' | 'context'>, format?: ChatIdFormat): string | null;
/** What `POST /v1/chats` and the webhooks answer. */
export interface ChatResult {
    key: string;
    revision: number;
    created: boolean;
    changed: boolean;
    chatId: string | null;
    matched: {
        clientId?: string;
        userId?: string;
        yclid?: string;
        purchaseId?: string;
    } | null;
    unattributedReason: UnattributedReason | null;
}
/**
 * Stores a chat and attributes it: its chat ID (found, or linked to its partner earlier) → the
 * latest pairing at or before the chat's time, else the latest one. A found chat ID links the
 * partner for good. An attributed chat is never downgraded by a later report without an ID.
 */
export declare function recordChat(storage: Storage, report: ChatReport, _now: number, format?: ChatIdFormat, recheck?: boolean): Promise<ChatResult>;
