import type { ChatReport } from './validate.js';
/**
 * Bot webhooks → chat reports. Pure mapping of the messengers' update JSON; anything that is not
 * a chat (other update kinds, service events, messages without text) maps to null and is
 * acknowledged and ignored, so the messenger does not retry it.
 */
type Json = Record<string, unknown>;
/** A webhook chat: the report plus whether it always starts a chat (a start command or deep-link context). */
export interface BotChat {
    report: ChatReport;
    /** `/start` or `conversation_started`: a new conversation even from a partner seen before. */
    starts: boolean;
}
/** Telegram Bot API `Update`: `message.text`, `message.from.id`, `from.username`, `message.date`. */
export declare function telegramChat(update: Json, nowSeconds: number): BotChat | null;
/** Viber REST bot callbacks: `conversation_started` (with `context`) and `message` events. */
export declare function viberChat(event: Json, nowSeconds: number): BotChat | null;
export {};
