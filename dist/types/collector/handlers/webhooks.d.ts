import { type BotChat } from '../bots.js';
import type { RouteHandler } from '../context.js';
/** Bot updates carry up to 4096 characters of text and their metadata. */
export declare const WEBHOOK_BODY_LIMIT: number;
/** The platform's update → the chat it reports, or null for an update that is not a chat. */
type BotParser = (body: Record<string, unknown>, nowSeconds: number) => BotChat | null;
/** `POST /v1/webhooks/<platform>/<secret>`: a bot platform's update, answered 200 even when ignored. */
export declare function botWebhook(parse: BotParser): RouteHandler;
export declare const telegramWebhook: RouteHandler;
export declare const viberWebhook: RouteHandler;
export {};
