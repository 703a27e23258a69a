import { upgradeChatsWith } from '../attribute.js';
import type { RouteHandler } from '../context.js';
import { HttpError } from '../errors.js';
import { readJsonObject, requireType, send } from '../http.js';
import { clientKey } from '../rate-limit.js';
import { parsePairing } from '../validate.js';

/** A beacon is ~300 bytes. */
export const PAIRING_BODY_LIMIT = 4096;

/** `POST /v1/pairings`: the page script's beacon pairing a chat ID with the visitor's Metrica IDs. */
export const pairing: RouteHandler = async (ctx, { req, res, cors }) => {
  if (ctx.limiter) {
    const wait = ctx.limiter.take(clientKey(ctx.clientAddress(req)));
    if (wait > 0) throw new HttpError(429, 'too many requests', undefined, { 'Retry-After': String(wait), ...cors });
  }
  requireType(req, ['text/plain', 'application/json']);
  const body = await readJsonObject(req, PAIRING_BODY_LIMIT);
  const input = parsePairing(body, ctx.now(), ctx.format);
  const stored = await ctx.storage.insertPairing(input);
  // Written, then looked: a chat matched before this page view's ClientID arrived gets it now.
  // The storage says whether any chat of this chat ID could take it, asked once per batch.
  if (stored.upgradable) await upgradeChatsWith(ctx.storage, input);
  // 204 only now: the pairing is committed, so an acknowledged beacon survives a crash.
  send(res, 204, undefined, cors);
};
