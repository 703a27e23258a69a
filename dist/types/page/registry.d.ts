/**
 * One running instance per page, whichever copies load (a bundle and a tag manager's script tag,
 * say), and per same-origin frame: two would each rewrite links with their own chat ID when
 * storage is blocked, and each rewrite would wake the other's observer, for ever. The key is a
 * symbol on the document, shared by every copy and every frame of the page (`Symbol.for` is one
 * registry for all of them), not another global.
 */
import type { MetricaChatsApi } from './core.js';
/** The instance that covers this document, if one does. */
export declare const runningIn: (doc: Document) => MetricaChatsApi | undefined;
/** Records that `api` covers this document. */
export declare const register: (doc: Document, api: MetricaChatsApi) => void;
