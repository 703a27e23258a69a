import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScheduleView } from '../report/dashboard.js';
import type { Storage } from '../storage/types.js';
import type { Logger } from './logger.js';

/**
 * The collector's life apart from its requests: listening, the hourly retention purge, the
 * scheduled upload, and a shutdown that lets requests in flight (and an upload run) finish
 * before the database closes.
 */

/**
 * A job the collector runs on a schedule for as long as it runs (the scheduled upload), and
 * reports in `/v1/stats` and on the dashboard. The command line builds it (uploader/schedule.ts),
 * so the collector never imports the uploader.
 */
export interface ScheduledJob {
  start(options?: { immediately?: boolean }): void;
  /** Stops the ticks and waits for a run in progress. */
  stop(): Promise<void>;
  state(): ScheduleView;
}

/** Builds the scheduled job on the collector's own database and log. */
export type ScheduledJobFactory = (storage: Storage, log: Logger) => ScheduledJob;

export interface LifecycleOptions {
  storage: Storage;
  log: Logger;
  now: () => number;
  /** Mount point, part of the URL `listen` reports. */
  prefix: string;
  /** Delete pairings older than this many days, checked hourly. */
  retentionDays?: number | undefined;
  /** How long close() waits for requests in flight before cutting connections. */
  shutdownTimeoutMs?: number | undefined;
  uploadSchedule?: ScheduledJobFactory | undefined;
}

export interface Lifecycle {
  /** Runs one request's work, counted as in flight until it settles. */
  track(res: ServerResponse, work: () => Promise<void>): void;
  listen(
    handler: (req: IncomingMessage, res: ServerResponse) => void,
    port: number,
    host: string,
  ): Promise<{ url: string }>;
  /** Stops accepting, finishes requests in flight, then closes the database. Idempotent. */
  close(): Promise<void>;
  /** The scheduled upload's state; null when there is none. */
  uploadSchedule(): ScheduleView | null;
}

/** Starts the retention purge (if asked for) and returns the lifecycle; throws on a bad retention. */
export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const { storage, log, now, prefix } = options;
  let inFlight = 0;
  let closing = false;
  let idle: (() => void) | null = null;
  const servers: Server[] = [];

  let retentionTimer: NodeJS.Timeout | null = null;
  if (options.retentionDays !== undefined) {
    const days = options.retentionDays;
    if (!(days > 0)) throw new Error(`retentionDays must be a positive number of days, got ${days}`);
    const purge = () => {
      storage
        .purgeOlderThan(now() - days * 86_400_000)
        .then(
          ({ pairings, webhookMessages }) =>
            pairings + webhookMessages > 0 &&
            log.info('old pairings and connector messages purged', { pairings, webhookMessages, olderThanDays: days }),
        )
        .catch((e: Error) => log.error('purge failed', { error: e.message }));
    };
    purge();
    retentionTimer = setInterval(purge, 3_600_000);
    retentionTimer.unref();
  }

  const schedule = options.uploadSchedule?.(storage, log) ?? null;
  // The first run at start: what waited while the collector was down goes out now.
  schedule?.start({ immediately: true });

  async function doClose(): Promise<void> {
    closing = true;
    if (retentionTimer) clearInterval(retentionTimer);
    // A run in progress finishes (and marks what Metrica accepted) before the database closes.
    const scheduleStopped = schedule?.stop();
    const timeout = options.shutdownTimeoutMs ?? 10_000;
    // Stop accepting; idle kept-alive connections go now, busy ones once their response is out.
    const stopped = servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    );
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeout);
        idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    for (const server of servers) server.closeAllConnections();
    await Promise.all(stopped);
    await scheduleStopped;
    await storage.close();
    log.info('collector stopped');
  }

  let closed: Promise<void> | null = null;
  return {
    track(res, work) {
      inFlight++;
      // While closing, a response on a kept-alive connection also closes that connection.
      if (closing) res.setHeader('Connection', 'close');
      work().finally(() => {
        inFlight--;
        if (inFlight === 0 && idle) idle();
      });
    },
    listen(handler, port, host) {
      const server = createServer(
        { keepAliveTimeout: 65_000, requestTimeout: 30_000, headersTimeout: 20_000 },
        handler,
      );
      servers.push(server);
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const { port: p } = server.address() as AddressInfo;
          const h = host.includes(':') ? `[${host}]` : host;
          const url = `http://${h}:${p}${prefix}`;
          log.info('collector listening', { url, db: storage.kind });
          resolve({ url });
        });
      });
    },
    close() {
      closed ??= doClose();
      return closed;
    },
    uploadSchedule: () => schedule?.state() ?? null,
  };
}
