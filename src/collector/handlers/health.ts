import { send } from '../http.js';
import type { RouteHandler } from '../routes.js';

/** `GET /healthz`: the process is up and which database it uses. */
export const health: RouteHandler = async (ctx, { res }) => {
  send(res, 200, { ok: true, db: ctx.storage.kind });
};
