/**
 * One running instance per page, whichever copies load (a bundle and a tag manager's script tag,
 * say), and per same-origin frame: two would each rewrite links with their own chat ID when
 * storage is blocked, and each rewrite would wake the other's observer, for ever. The key is a
 * symbol on the document, shared by every copy and every frame of the page (`Symbol.for` is one
 * registry for all of them), not another global.
 */
import type { MetricaChatsApi } from './core.js';

const INSTANCE = Symbol.for('metrica-chats');
type Registry = { [INSTANCE]?: MetricaChatsApi };

/** The instance that covers this document, if one does. */
export const runningIn = (doc: Document): MetricaChatsApi | undefined => (doc as Registry)[INSTANCE];

/** Records that `api` covers this document. */
export const register = (doc: Document, api: MetricaChatsApi): void => {
  (doc as Registry)[INSTANCE] = api;
};
