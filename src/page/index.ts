/**
 * `metrica-chats`: the page script for bundlers. Importing it does nothing; `init(config)`
 * starts it. The pure helpers are exported for code that builds messenger links itself.
 */
import { type PageConfig, validateConfig, warn } from './config.js';
import { type MetricaChatsApi, start } from './core.js';

export { newChatId } from '../match/format.js';
export { defaultMessage, type MessageDefaults } from '../match/message.js';
export {
  classify,
  type LinkKind,
  type Platform,
  type RewriteOptions,
  renderMessage,
  rewrite,
} from '../match/rewrite.js';
export type { Pairing } from './beacon.js';
export { type PageConfig, type ResolvedConfig, validateConfig } from './config.js';
export type { MetricaChatsApi } from './core.js';

let running: MetricaChatsApi | undefined;

// One running instance per page, whichever copies load (a bundle and a tag manager's script tag,
// say): two would each rewrite links with their own chat ID when storage is blocked, and each
// rewrite would wake the other's observer, for ever. The registry key is shared by every copy and
// is a symbol on `document`, not another global.
const INSTANCE = Symbol.for('metrica-chats');
type Registry = { [INSTANCE]?: MetricaChatsApi };

/**
 * Starts the page script, once per page: later calls, also from another copy of the script,
 * return the same API. An invalid config logs one warning naming the bad key and returns an API
 * that does nothing (and another copy may still start).
 * @example
 * const chats = init({ endpoint: '/v1/pairings', counterId: 12345678 });
 * location.href = chats.decorate('https://t.me/shop_bot');
 */
export function init(config: PageConfig): MetricaChatsApi {
  const registry = document as Registry;
  if (!running) {
    try {
      running = registry[INSTANCE];
      // Its own config (consent, IDs) cannot apply to an instance that is already running.
      if (running) warn('another copy is running: this config is ignored');
      else {
        const c = validateConfig(config);
        if (typeof c === 'string') {
          warn(`${c}. The script stays off.`);
          running = start();
        } else {
          running = start(c);
          registry[INSTANCE] = running;
        }
      }
    } catch {
      running = start();
    }
  }
  return running;
}
