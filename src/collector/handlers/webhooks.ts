import { partnersOf } from '../../domain/index.js';
import { findChatIdCandidates, recordChat } from '../attribute.js';
import { type BotChat, telegramChat, viberChat } from '../bots.js';
import type { RouteHandler } from '../context.js';
import { readJsonObject, requireType, send } from '../http.js';

/** Bot updates carry up to 4096 characters of text and their metadata. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** The platform's update → the chat it reports, or null for an update that is not a chat. */
type BotParser = (body: Record<string, unknown>, nowSeconds: number) => BotChat | null;

/** `POST /v1/webhooks/<platform>/<secret>`: a bot platform's update, answered 200 even when ignored. */
export function botWebhook(parse: BotParser): RouteHandler {
  return async (ctx, { req, res }) => {
    requireType(req, ['application/json']);
    const body = await readJsonObject(req, WEBHOOK_BODY_LIMIT);
    const chat = parse(body, Math.floor(ctx.now() / 1000));
    if (!chat) {
      send(res, 200, { ok: true, ignored: true });
      return;
    }
    // A bot sees every message; only the first of a partner (or one carrying a chat ID) is a new chat.
    if (!chat.starts && findChatIdCandidates(chat.report, ctx.format).length === 0) {
      const partner = partnersOf(chat.report)[0];
      if (partner && (await ctx.storage.partnerHasChat(chat.report.platform, partner))) {
        send(res, 200, { ok: true, ignored: true });
        return;
      }
    }
    const result = await recordChat(ctx.storage, chat.report, ctx.format);
    send(res, 200, { ok: true, chatId: result.chatId, unattributedReason: result.unattributedReason });
  };
}

export const telegramWebhook: RouteHandler = botWebhook(telegramChat);
export const viberWebhook: RouteHandler = botWebhook(viberChat);
