import type { RouteHandler } from '../context.js';
import { isDatabaseDown, send } from '../http.js';

/** `GET /healthz`: 200 when the database answers a query, 503 when it does not. */
export const health: RouteHandler = async (ctx, { res }) => {
  try {
    await ctx.storage.ping();
  } catch (error) {
    if (!isDatabaseDown(error)) throw error;
    send(res, 503, { ok: false, db: ctx.storage.kind, error: 'the database is unavailable' });
    return;
  }
  send(res, 200, { ok: true, db: ctx.storage.kind });
};
