import type { ServerResponse } from 'node:http';
import { bridgeTarget, isRobot, readBridgeQuery, readReuseCookie, reuseCookie } from '../../bridge/hit.js';
import { LINK_NAME } from '../../bridge/links.js';
import { isChatId, newChatId } from '../../match/format.js';
import { UTM_KEYS } from '../../shared/utm.js';
import type { PairingInput, Storage } from '../../storage/types.js';
import type { RouteHandler } from '../context.js';
import { HttpError } from '../errors.js';
import { send } from '../http.js';
import { clientKey } from '../rate-limit.js';

/** On every answer of a bridge link: each visit is its own, and the messenger's site learns nothing of where it came from. */
const BRIDGE_HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

const redirect = (res: ServerResponse, location: string, headers: Record<string, string> = {}): void =>
  send(res, 302, undefined, { ...BRIDGE_HEADERS, ...headers, Location: location });

/** True when the latest pairing of the chat ID already says what this one would: a reload stores nothing. */
async function alreadyStored(storage: Storage, p: PairingInput): Promise<boolean> {
  const latest = await storage.findPairing(p.chatId, p.receivedAt);
  return (
    latest !== null &&
    latest.link === p.link &&
    latest.yclid === p.yclid &&
    UTM_KEYS.every((key) => latest.utm?.[key] === p.utm?.[key])
  );
}

/**
 * `GET|HEAD /go/<name>`: a bridge link. A person gets a chat ID (a fresh one, or the one of their
 * visit a moment ago), a pairing of it with the yclid and UTM parameters of the query, and a 302 to
 * the configured messenger URL with the chat ID written in. The Location is the configured URL and
 * the chat ID only: nothing from the request reaches it, so this is no open redirect.
 *
 * A HEAD, a link preview or robot, or a client over the rate limit goes to the URL as configured,
 * with no chat ID made and nothing stored: they are not people about to start a chat.
 */
export const bridge: RouteHandler = async (ctx, { req, res, url, params }) => {
  // The raw segment: a percent-encoded name is no name (LINK_NAME has nothing to decode).
  const name = params.name ?? '';
  const link = LINK_NAME.test(name) ? ctx.links.get(name) : undefined;
  if (!link) throw new HttpError(404, `no bridge link is named ${JSON.stringify(name.slice(0, 40))}`);
  if (req.method === 'HEAD' || isRobot(req.headers['user-agent'])) {
    redirect(res, link.url);
    return;
  }
  if (ctx.limiter && ctx.limiter.take(clientKey(ctx.clientAddress(req))) > 0) {
    ctx.log.warn('bridge link: over the rate limit, redirected without a chat ID', { link: name });
    redirect(res, link.url);
    return;
  }
  const query = readBridgeQuery(url.searchParams);
  for (const ignored of query.ignored) {
    ctx.log.warn('bridge link: value ignored', { link: name, field: ignored.field, error: ignored.reason });
  }
  const reused = readReuseCookie(req.headers.cookie, (id) => isChatId(id, ctx.format));
  const pairing: PairingInput = {
    chatId: reused ?? newChatId(ctx.format),
    receivedAt: ctx.now(),
    platform: link.kind[0],
    link: name,
    ...(query.yclid ? { yclid: query.yclid } : {}),
    ...(Object.keys(query.utm).length > 0 ? { utm: query.utm } : {}),
  };
  // Redirected only once the pairing is committed: a chat can start the moment the messenger opens.
  // A database that fails now costs the attribution, not the chat: the visitor goes on regardless.
  try {
    if (!reused || !(await alreadyStored(ctx.storage, pairing))) await ctx.storage.insertPairing(pairing);
  } catch (error) {
    ctx.log.error('bridge link: pairing not stored, visitor redirected all the same', {
      link: name,
      chatId: pairing.chatId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  redirect(res, bridgeTarget(link, pairing.chatId, ctx.format, req.headers['accept-language']), {
    'Set-Cookie': reuseCookie(pairing.chatId, `${ctx.prefix}/go/${name}`, ctx.isHttps(req)),
  });
};
