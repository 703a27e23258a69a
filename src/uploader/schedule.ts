import type { ConversionStore } from '../storage/contract.js';
import type { Storage } from '../storage/types.js';
import type { MetricaClient, WaitOptions } from './client.js';
import { MetricaApiError, MetricaNetworkError, QuotaExhaustedError } from './errors.js';
import { uploadPending } from './job.js';

/**
 * Uploads on a schedule, inside a long-running collector. Each tick takes the upload lock
 * (shared by every collector on the same database, so only one uploads at a time), uploads the
 * rows that are new or changed, and marks them in the same transaction as the receipt, so no row
 * is sent twice. A failed run leaves its rows pending for the next tick; a used-up daily quota
 * skips the ticks until it resets at 00:00 UTC, as `upload` stops until then.
 */

/** Releases the lock; resolves once released. */
export type ReleaseLock = () => Promise<void>;

/** Takes the upload lock if it is free: the release function, or null when another holder has it. */
export type TryLock = () => Promise<ReleaseLock | null>;

export type RunOutcome = 'uploaded' | 'nothing-to-upload' | 'invalid' | 'locked' | 'failed' | 'quota-exhausted';

export interface ScheduledRun {
  /** Unix milliseconds when the run started. */
  at: number;
  outcome: RunOutcome;
  /** In words, for the log and the dashboard; never the token. */
  message: string;
  /** Metrica's upload IDs of this run. */
  uploads: string[];
  rows: number;
}

export interface ScheduleState {
  /** The interval as given, e.g. `1h`. */
  every: string;
  counterId: string;
  lastRun?: ScheduledRun;
  /** Unix milliseconds of the next tick. */
  nextRunAt?: number;
  /** While the daily quota is used up: when ticks resume. */
  pausedUntil?: number;
}

interface ScheduleLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface UploadScheduleOptions {
  store: ConversionStore;
  tryLock: TryLock;
  client: MetricaClient;
  counterId: string;
  everyMs: number;
  /** The interval as the user wrote it, for messages. */
  every: string;
  log: ScheduleLogger;
  comment?: string;
  /** How long a run waits for Metrica to process its upload (the lock is held meanwhile). Default 60 s. */
  wait?: WaitOptions;
  now?: () => number;
}

export interface UploadSchedule {
  /** Starts the ticks; the first one after `everyMs`, or right away with `immediately`. */
  start(options?: { immediately?: boolean }): void;
  /** Runs one tick now (tests, and the first tick); resolves with its result. */
  runOnce(): Promise<ScheduledRun>;
  state(): ScheduleState;
  /** Stops the ticks and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** The next 00:00 UTC after `ms`, when Metrica's daily quota resets. */
export function nextUtcMidnight(ms: number): number {
  return (Math.floor(ms / 86_400_000) + 1) * 86_400_000;
}

const rows = (n: number) => (n === 1 ? '1 row' : `${n} rows`);

export function createUploadSchedule(o: UploadScheduleOptions): UploadSchedule {
  const now = o.now ?? Date.now;
  const state: ScheduleState = { every: o.every, counterId: o.counterId };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<ScheduledRun> | null = null;
  let stopped = false;
  const abort = new AbortController();

  async function run(): Promise<ScheduledRun> {
    const at = now();
    const done = (outcome: RunOutcome, message: string, uploads: string[] = [], count = 0): ScheduledRun => {
      const result = { at, outcome, message, uploads, rows: count };
      state.lastRun = result;
      const fields = { counterId: o.counterId, outcome, uploads, rows: count, ms: now() - at };
      if (outcome === 'failed' || outcome === 'invalid') o.log.error(`scheduled upload: ${message}`, fields);
      else if (outcome === 'quota-exhausted') o.log.warn(`scheduled upload: ${message}`, fields);
      else o.log.info(`scheduled upload: ${message}`, fields);
      return result;
    };
    if (state.pausedUntil !== undefined && at < state.pausedUntil) {
      return done(
        'quota-exhausted',
        `skipped: the daily quota is used up until ${new Date(state.pausedUntil).toISOString()}`,
      );
    }
    delete state.pausedUntil;
    let release: ReleaseLock | null;
    try {
      release = await o.tryLock();
    } catch (error) {
      return done('failed', `could not take the upload lock: ${(error as Error).message}`);
    }
    if (!release) return done('locked', 'skipped: another collector is uploading right now');
    try {
      const result = await uploadPending(o.store, {
        client: o.client,
        counterId: o.counterId,
        ...(o.comment ? { comment: o.comment } : {}),
        // Stopping cuts only the wait for Metrica's status: an upload in flight finishes and is
        // marked, so the next run does not send its rows again.
        wait: { timeoutMs: 60_000, ...o.wait, signal: abort.signal },
      });
      const ids = result.uploads.map((u) => u.uploading.id);
      const sent = result.uploads.reduce((n, u) => n + u.rows, 0);
      if (result.status === 'empty') return done('nothing-to-upload', 'nothing new to upload');
      if (result.status === 'invalid') {
        const first = result.problems[0];
        const where = first ? `: row ${first.line}, ${first.column}: ${first.message}` : '';
        return done(
          'invalid',
          `${result.problemCount} invalid value${result.problemCount === 1 ? '' : 's'} in the pending chats${where}; nothing was sent`,
        );
      }
      const statuses = result.uploads
        .map((u) => {
          const accepted = u.uploading.line_quantity;
          return `upload ${u.uploading.id} ${u.uploading.status}${accepted === undefined ? '' : `, ${accepted} rows accepted`}`;
        })
        .join('; ');
      return done('uploaded', `uploaded ${rows(sent)} (${statuses})`, ids, sent);
    } catch (error) {
      if (error instanceof QuotaExhaustedError) {
        state.pausedUntil = nextUtcMidnight(now());
        return done(
          'quota-exhausted',
          `${error.message}; the rows stay pending, next try after ${new Date(state.pausedUntil).toISOString()}`,
        );
      }
      if (error instanceof MetricaApiError || error instanceof MetricaNetworkError) {
        return done('failed', `${error.message}; the rows stay pending, the next tick tries again`);
      }
      if (abort.signal.aborted) return done('failed', 'stopped while waiting for Metrica’s status');
      return done('failed', `${(error as Error).message}; the next tick tries again`);
    } finally {
      await release();
    }
  }

  function runOnce(): Promise<ScheduledRun> {
    // Ticks of one collector never overlap; the lock keeps other collectors out.
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    state.nextRunAt = now() + delay;
    timer = setTimeout(() => {
      timer = null;
      void runOnce().finally(() => schedule(o.everyMs));
    }, delay);
    timer.unref();
  }

  return {
    start(options = {}) {
      schedule(options.immediately ? 0 : o.everyMs);
    },
    runOnce,
    state: () => ({ ...state, ...(state.lastRun ? { lastRun: { ...state.lastRun } } : {}) }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      delete state.nextRunAt;
      if (running) {
        abort.abort(new Error('the collector is stopping'));
        await running.catch(() => {});
      }
    },
  };
}

/** A schedule for the collector: what to upload where, and how often. */
export interface ScheduledUploadOptions {
  /** The Metrica API client, with its token and API URL. */
  client: MetricaClient;
  counterId: string;
  everyMs: number;
  /** The interval as the user wrote it (`30m`), for the log and the dashboard. */
  every: string;
  comment?: string;
  /** How long a run waits for Metrica to process its file. Default 60 s. */
  wait?: WaitOptions;
}

/**
 * The collector's scheduled upload (its `uploadSchedule` option): the rows and the lock are
 * those of the collector's own database, so collectors sharing it take turns.
 */
export function scheduledUpload(o: ScheduledUploadOptions): (storage: Storage, log: ScheduleLogger) => UploadSchedule {
  return (storage, log) =>
    createUploadSchedule({
      store: storage,
      tryLock: () => storage.tryUploadLock(),
      client: o.client,
      counterId: o.counterId,
      everyMs: o.everyMs,
      every: o.every,
      log,
      ...(o.comment ? { comment: o.comment } : {}),
      ...(o.wait ? { wait: o.wait } : {}),
    });
}
