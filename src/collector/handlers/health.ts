import type { RouteHandler } from '../context.js';
import { send } from '../http.js';

/** `GET /healthz`: the process is up and which database it uses. */
export const health: RouteHandler = async (ctx, { res }) => {
  send(res, 200, { ok: true, db: ctx.storage.kind });
};
