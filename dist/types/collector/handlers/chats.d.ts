import type { RouteHandler } from '../context.js';
/** A chat report with its first message's text and the CRM's fields. */
export declare const CHAT_BODY_LIMIT: number;
/** `POST /v1/chats`: a CRM or bot reports a chat; 201 when it is new, 200 when it updated one. */
export declare const chats: RouteHandler;
