/**
 * `metrica-chats`: the page script for bundlers. Importing it does nothing; `init(config)`
 * starts it. The pure helpers are exported for code that builds messenger links itself.
 */
import { type PageConfig, validateConfig, warn } from './config.js';
import { type MetricaChatsApi, start } from './core.js';
import { register, runningIn } from './registry.js';

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

/**
 * Starts the page script, once per page: later calls, also from another copy of the script,
 * return the same API. An invalid config logs one warning naming the bad key and returns an API
 * that does nothing (and another copy may still start).
 * @example
 * const chats = init({ endpoint: '/v1/pairings', counterId: 12345678 });
 * location.href = chats.decorate('https://t.me/shop_bot');
 */
export function init(config: PageConfig): MetricaChatsApi {
  if (!running) {
    try {
      running = runningIn(document);
      // Its own config (consent, IDs) cannot apply to an instance that is already running.
      if (running) warn('another copy is running: this config is ignored');
      else {
        const c = validateConfig(config);
        if (typeof c === 'string') warn(`${c}. The script stays off.`);
        else {
          running = start(c);
          register(document, running);
        }
      }
    } catch {}
    // Off (an invalid config, or a page that broke something we use): an API that does nothing.
    running = running || start();
  }
  return running;
}
