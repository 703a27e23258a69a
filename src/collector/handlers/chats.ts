import { recordChat } from '../attribute.js';
import { cleanChatBody } from '../clean-input.js';
import type { RouteHandler } from '../context.js';
import { readJsonObject, requireType, send } from '../http.js';
import { parseChatReport } from '../validate.js';

/** A chat report with its first message's text and the CRM's fields. */
export const CHAT_BODY_LIMIT = 64 * 1024;

/** `POST /v1/chats`: a CRM or bot reports a chat; 201 when it is new, 200 when it updated one. */
export const chats: RouteHandler = async (ctx, { req, res }) => {
  requireType(req, ['application/json']);
  const body = await readJsonObject(req, CHAT_BODY_LIMIT);
  const report = parseChatReport(cleanChatBody(body), ctx.now(), ctx.format);
  const result = await recordChat(ctx.storage, report, ctx.format);
  send(res, result.created ? 201 : 200, result);
};
