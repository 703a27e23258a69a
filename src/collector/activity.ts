import type { Storage } from '../storage/types.js';
import type { Logger } from './logger.js';

/**
 * What the collector tells its operator about what arrives, not only about what it refuses: a line
 * for each chat stored or changed, and the pairings counted once a minute (a busy site sends many
 * a second; a line each would drown everything else).
 */
export interface Activity {
  /** Stops the minute timer, logging the count so far. */
  close(): void;
}

const METRICA_IDS = ['clientId', 'yclid', 'userId', 'purchaseId'] as const;

/**
 * The storage the request handlers use, reporting each chat written and counting the pairings.
 * Every route that stores a chat goes through it, so a new connector logs with no code of its own.
 */
export function observeStorage(
  storage: Storage,
  log: Logger,
  intervalMs = 60_000,
): { storage: Storage; activity: Activity } {
  let pairings = 0;
  const flush = () => {
    if (pairings === 0) return;
    log.info('pairings stored', { count: pairings, perMinutes: intervalMs / 60_000 });
    pairings = 0;
  };
  const timer = setInterval(flush, intervalMs);
  timer.unref?.();
  const upsertChat: Storage['upsertChat'] = async (key, input) => {
    const result = await storage.upsertChat(key, input);
    const { row } = result;
    if (result.created || result.changed) {
      const matched = METRICA_IDS.filter((id) => row[id]);
      log.info(result.created ? 'chat stored' : 'chat updated', {
        platform: row.platform,
        chatId: row.chatId,
        matched: matched.length > 0 ? matched.join(',') : null,
        unattributedReason: row.unattributedReason,
        revision: row.revision,
      });
    }
    return result;
  };
  const insertPairing: Storage['insertPairing'] = async (pairing) => {
    const result = await storage.insertPairing(pairing);
    pairings++;
    return result;
  };
  const observed = new Proxy(storage, {
    get(target, property) {
      if (property === 'upsertChat') return upsertChat;
      if (property === 'insertPairing') return insertPairing;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    storage: observed,
    activity: {
      close() {
        clearInterval(timer);
        flush();
      },
    },
  };
}
