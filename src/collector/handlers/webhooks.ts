import type { IncomingMessage } from 'node:http';
import { greenApiToken, greenApiWebhook } from '../../connectors/green-api.js';
import { telegramUpdate } from '../../connectors/telegram.js';
import type { ConnectorChat, ConnectorResult, IgnoreReason } from '../../connectors/types.js';
import { viberCallback } from '../../connectors/viber.js';
import { wazzupWebhook } from '../../connectors/wazzup.js';
import { whatsappHandshake, whatsappNotification, whatsappSignatureValid } from '../../connectors/whatsapp.js';
import { partnersOf } from '../../domain/index.js';
import { findChatIdCandidates, recordChat } from '../attribute.js';
import { readBody } from '../body.js';
import type { CollectorContext, RouteHandler } from '../context.js';
import { HttpError } from '../errors.js';
import { BASE_HEADERS, requireType, send } from '../http.js';
import { decodeUtf8, parseJsonObject } from '../json.js';
import type { ChatReport } from '../validate.js';

/**
 * The webhooks of bots and connectors: `POST /v1/webhooks/<channel>/<secret>`. Each reads the
 * body, checks what its platform signs or sends as a token, hands the JSON to its pure parser in
 * connectors/, and stores the chats the parser found. Every payload that passes the checks is
 * answered 200, also when nothing in it is a chat: platforms disable webhooks that keep failing.
 */

/** Bot updates and gateway batches carry up to 4096 characters of text per message and their metadata. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

type Parser = (body: Record<string, unknown>, nowSeconds: number) => ConnectorResult;
/** Refuses (401) a request its platform did not send, from the raw bytes and the headers. */
type Check = (ctx: CollectorContext, req: IncomingMessage, raw: Uint8Array) => void;

/** What a webhook answers: the chats stored (their chat ID and why one is unattributed) and what was ignored. */
export interface WebhookAnswer {
  ok: true;
  chats: Array<{ chatId: string | null; unattributedReason: string | null }>;
  ignored: Array<IgnoreReason | 'known_partner'>;
}

// Reasons worth a log line: a customer's message that did not become a chat for a reason the
// business may want to know. Replies, statuses and the like are every-message noise.
const LOGGED: ReadonlySet<IgnoreReason> = new Set(['group', 'other_channel', 'not_text', 'no_partner']);

const reportOf = (chat: ConnectorChat, dateTime: number): ChatReport => ({
  platform: chat.platform,
  dateTime,
  ...(chat.text !== undefined ? { text: chat.text } : {}),
  ...(chat.context !== undefined ? { context: chat.context } : {}),
  ...(chat.chatUserId ? { chatUserId: chat.chatUserId } : {}),
  ...(chat.chatUsername ? { chatUsername: chat.chatUsername } : {}),
  ...(chat.phoneNumber ? { phoneNumber: chat.phoneNumber } : {}),
});

/**
 * Stores what a connector found. A messenger shows the business every message, but a chat is the
 * first message of a partner, one carrying a chat ID, or a bot's `/start`. The platform's message
 * ID is remembered in the database with the DateTime of its first delivery, so a redelivery (to
 * this instance or another, before or after a restart) and an edit land on the same chat.
 */
export async function storeConnectorChats(
  ctx: CollectorContext,
  source: string,
  result: ConnectorResult,
): Promise<WebhookAnswer> {
  const answer: WebhookAnswer = { ok: true, chats: [], ignored: [] };
  for (const item of result.ignored) {
    answer.ignored.push(item.reason);
    if (item.reason === 'unknown_shape')
      ctx.warnOnce(`${source}:${item.detail}`, 'webhook payload not understood', { source, detail: item.detail });
    else if (LOGGED.has(item.reason))
      ctx.log.info('webhook message ignored', { source, reason: item.reason, detail: item.detail });
  }
  for (const chat of result.chats) {
    if (!chat.starts && findChatIdCandidates(chat, ctx.format).length === 0) {
      const partner = partnersOf(chat)[0];
      if (partner && (await ctx.storage.partnerHasChat(chat.platform, partner))) {
        answer.ignored.push('known_partner');
        continue;
      }
    }
    const dateTime = await ctx.storage.rememberMessage(source, chat.messageId, chat.dateTime);
    const stored = await recordChat(ctx.storage, reportOf(chat, dateTime), ctx.format);
    answer.chats.push({ chatId: stored.chatId, unattributedReason: stored.unattributedReason });
  }
  return answer;
}

/** A POST webhook: JSON body, the platform's own check, its parser, the chats stored. */
export function connectorWebhook(source: string, parse: Parser, check?: Check): RouteHandler {
  return async (ctx, { req, res }) => {
    requireType(req, ['application/json']);
    const raw = await readBody(req, WEBHOOK_BODY_LIMIT);
    check?.(ctx, req, raw);
    const body = parseJsonObject(decodeUtf8(raw));
    const result = parse(body, Math.floor(ctx.now() / 1000));
    send(res, 200, await storeConnectorChats(ctx, source, result));
  };
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Meta signs every notification with the app secret; nothing unsigned is read. */
const whatsappSigned: Check = (ctx, req, raw) => {
  const secret = ctx.connectors.whatsappAppSecret;
  if (!secret) {
    throw new HttpError(
      401,
      'WhatsApp notifications are refused until METRICA_CHATS_WHATSAPP_APP_SECRET is set',
      'X-Hub-Signature-256',
    );
  }
  const signature = header(req, 'x-hub-signature-256');
  if (signature === undefined) throw new HttpError(401, 'X-Hub-Signature-256 is missing', 'X-Hub-Signature-256');
  if (!whatsappSignatureValid(raw, signature, secret)) {
    throw new HttpError(
      401,
      'X-Hub-Signature-256 does not match the body signed with the app secret',
      'X-Hub-Signature-256',
    );
  }
};

/** When Green-API has a Webhook URL Token, it sends it in Authorization; without one configured, nothing is checked. */
const greenApiAuthorized: Check = (ctx, req) => {
  if (!ctx.connectors.greenApiTokenAccepted) return;
  const token = greenApiToken(header(req, 'authorization'));
  if (token === undefined || !ctx.connectors.greenApiTokenAccepted(token)) {
    throw new HttpError(401, 'Authorization must carry the Green-API webhook token', 'Authorization', {
      'WWW-Authenticate': 'Bearer',
    });
  }
};

export const telegramWebhook: RouteHandler = connectorWebhook('telegram', telegramUpdate);
export const viberWebhook: RouteHandler = connectorWebhook('viber', viberCallback);
export const greenApiHook: RouteHandler = connectorWebhook('green-api', greenApiWebhook, greenApiAuthorized);
export const wazzupHook: RouteHandler = connectorWebhook('wazzup', wazzupWebhook);

const whatsappPost = connectorWebhook('whatsapp', whatsappNotification, whatsappSigned);

/**
 * `GET /v1/webhooks/whatsapp/<secret>`: Meta's verification request, whose verify token is the
 * webhook secret, answered with the challenge as plain text; `POST`: signed notifications.
 */
export const whatsappHook: RouteHandler = async (ctx, request) => {
  if (request.req.method !== 'GET') return whatsappPost(ctx, request);
  const answer = whatsappHandshake(request.url.searchParams, ctx.webhookSecretAccepted);
  if (answer.status === 403) throw new HttpError(403, answer.reason, answer.field);
  request.res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  request.res.end(answer.challenge);
};
