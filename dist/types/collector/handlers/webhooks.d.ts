import type { IncomingMessage } from 'node:http';
import type { ConnectorResult, IgnoreReason } from '../../connectors/types.js';
import type { CollectorContext, RouteHandler } from '../context.js';
/**
 * The webhooks of bots and connectors: `POST /v1/webhooks/<channel>/<secret>`. Each reads the
 * body, checks what its platform signs or sends as a token, hands the JSON to its pure parser in
 * connectors/, and stores the chats the parser found. Every payload that passes the checks is
 * answered 200, also when nothing in it is a chat: platforms disable webhooks that keep failing.
 */
/** Bot updates and gateway batches carry up to 4096 characters of text per message and their metadata. */
export declare const WEBHOOK_BODY_LIMIT: number;
type Parser = (body: Record<string, unknown>, nowSeconds: number) => ConnectorResult;
/** Refuses (401) a request its platform did not send, from the raw bytes and the headers. */
type Check = (ctx: CollectorContext, req: IncomingMessage, raw: Uint8Array) => void;
/** What a webhook answers: the chats stored (their chat ID and why one is unattributed) and what was ignored. */
export interface WebhookAnswer {
    ok: true;
    chats: Array<{
        chatId: string | null;
        unattributedReason: string | null;
    }>;
    ignored: Array<IgnoreReason | 'known_partner'>;
}
/**
 * Stores what a connector found. A messenger shows the business every message, but a chat is the
 * first message of a partner, one carrying a chat ID, or a bot's `/start`. The platform's message
 * ID is remembered in the database with the DateTime of its first delivery, so a redelivery (to
 * this instance or another, before or after a restart) and an edit land on the same chat.
 */
export declare function storeConnectorChats(ctx: CollectorContext, source: string, result: ConnectorResult): Promise<WebhookAnswer>;
/** A POST webhook: JSON body, the platform's own check, its parser, the chats stored. */
export declare function connectorWebhook(source: string, parse: Parser, check?: Check): RouteHandler;
export declare const telegramWebhook: RouteHandler;
export declare const viberWebhook: RouteHandler;
export declare const greenApiHook: RouteHandler;
export declare const wazzupHook: RouteHandler;
/**
 * `GET /v1/webhooks/whatsapp/<secret>`: Meta's verification request, whose verify token is the
 * webhook secret, answered with the challenge as plain text; `POST`: signed notifications.
 */
export declare const whatsappHook: RouteHandler;
export {};
