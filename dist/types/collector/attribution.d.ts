import { type ChatIdFormat } from '../match/index.js';
import type { ChatAttribution, ChatIdSource, ChatInput, ChatRow, Pairing, PartnerRef, UnattributedReason } from '../storage/types.js';
import type { ChatReport } from './validate.js';
/**
 * The attribution decision, pure: given what the chat says and what the database holds, which chat
 * ID it has, which pairing attributes it, and what is stored. `attribute.ts` does the lookups.
 */
/**
 * Where the chat ID of a chat comes from, in order of trust: given explicitly, a Telegram
 * `/start <payload>`, Viber's `context`, or the first message's text.
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
/** A Viber display name is not unique, so it never carries a partner link. */
export declare const linkablePartners: (platform: string, partners: PartnerRef[]) => PartnerRef[];
/**
 * The chat's chat ID and where it came from: found in the chat; else the one the stored chat
 * already has (a CRM adding `answered` keeps it, though the partner may be linked to a newer one
 * since); else the one linked to the partner earlier.
 */
export declare function chooseChatId(found: string | null, existing: Pick<ChatRow, 'chatId' | 'chatIdSource'> | null, linked: string | null): {
    chatId: string | null;
    chatIdSource: ChatIdSource | null;
};
/** The latest pairing at or before a chat's time (DateTime has whole seconds, so up to its last ms). */
export declare const pairingCutoff: (dateTime: number) => number;
/** The attribution a chat ID and its pairing (if any) give, or why there is none. */
export declare function attributionOf(chatId: string | null, chatIdSource: ChatIdSource | null, pairing: Pairing | null): ChatAttribution;
/**
 * A later report without an ID keeps a matched chat's attribution as it is (its pairing may be
 * purged by now), and never downgrades a chat that has a chat ID.
 */
export declare function keepsStoredAttribution(existing: Pick<ChatRow, 'chatId' | 'unattributedReason'> | null, attribution: Pick<ChatAttribution, 'reason'>): boolean;
/** What is written for the report: its fields, and the attribution unless the stored one stays. */
export declare function chatInputOf(report: ChatReport, attribution: ChatAttribution | null): ChatInput;
/** A stored chat with a chat ID that still waits for its pairing's Metrica IDs. */
export declare const awaitsPairing: (row: Pick<ChatRow, "chatId" | "unattributedReason">) => boolean;
/** The answer for a stored chat. */
export declare function chatResultOf(row: ChatRow, created: boolean, changed: boolean): ChatResult;
