/**
 * Group commit: items arriving together are written in one go, and each caller resolves only after
 * that write. One commit per item would cap the collector at the disk's commit rate; one per batch
 * keeps it near the HTTP layer's own speed. This module knows the queue and the batching, the
 * one-by-one fallback and the retry of the follow-up; the SQL is the caller's.
 */

export interface GroupCommitOptions<T, R = number> {
  /** Writes items atomically (all or none) and resolves to one ID per item, in order. */
  write(items: T[]): Promise<number[]>;
  /**
   * Runs after a committed write, resolving to a result per item, in order. Retrying the write
   * would store the items twice, so a failure here runs the follow-up once more on its own.
   */
  followUp(items: T[]): Promise<R[]>;
  /** What an item that did not need the follow-up gets when the follow-up failed twice. */
  unfollowed: R;
  /** Whether the follow-up mattered to this item: after a second failure only these are rejected. */
  needsFollowUp(item: T): boolean;
  /** The error those items are rejected with, saying that they are stored nevertheless. */
  followUpFailed(error: unknown): Error;
  /** How many batches may be written at once (a database with one connection: 1). */
  concurrency: number;
  /** Most items in one batch. */
  maxBatch: number;
  /** Items waiting that justify a second batch beside one being written (see canStartBatch). */
  parallelBacklog: number;
}

/** What each caller gets: the item's ID, and what its follow-up reported. */
export interface Committed<R = number> {
  id: number;
  followUps: R;
}

interface Queued<T, R> {
  item: T;
  resolve: (r: Committed<R>) => void;
  reject: (e: unknown) => void;
}

export class GroupCommit<T, R = number> {
  private queue: Queued<T, R>[] = [];
  /** Batches being written now; at most `concurrency`. */
  private readonly writing = new Set<Promise<void>>();
  private flushScheduled = false;

  constructor(private readonly options: GroupCommitOptions<T, R>) {}

  /** Queues the item; resolves once the batch holding it is committed and followed up. */
  add(item: T): Promise<Committed<R>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Resolves once every item already queued is written (or rejected). */
  async drain(): Promise<void> {
    while (this.writing.size > 0 || this.flushScheduled || this.queue.length > 0) {
      if (this.writing.size > 0) await Promise.all(this.writing);
      else await new Promise((r) => setImmediate(r));
    }
  }

  /**
   * One batch at a time while the backlog is small: items arriving meanwhile wait for it and go
   * together next, which keeps batches large and the per-batch cost (a commit, round trips) low.
   * Only a backlog of `parallelBacklog` items or more starts another one beside it, up to
   * `concurrency`: that is when a database a round trip away, not the CPU, is what holds items back.
   */
  private canStartBatch(): boolean {
    const busy = this.writing.size;
    return busy === 0 || (busy < this.options.concurrency && this.queue.length >= this.options.parallelBacklog);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || !this.canStartBatch()) return;
    this.flushScheduled = true;
    // setImmediate: requests already read in this turn of the event loop join the same batch.
    setImmediate(() => {
      this.flushScheduled = false;
      while (this.queue.length > 0 && this.canStartBatch()) {
        const done: Promise<void> = this.flush(this.queue.splice(0, this.options.maxBatch)).finally(() => {
          this.writing.delete(done);
          if (this.queue.length > 0) this.scheduleFlush();
        });
        this.writing.add(done);
      }
    });
  }

  private async flush(batch: Queued<T, R>[]): Promise<void> {
    let ids: number[];
    try {
      ids = await this.options.write(batch.map((b) => b.item));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One bad item must not fail the others: write them one by one, then complete as one batch.
      const written: Queued<T, R>[] = [];
      const writtenIds: number[] = [];
      for (const b of batch) {
        try {
          writtenIds.push(...(await this.options.write([b.item])));
          written.push(b);
        } catch (e) {
          b.reject(e);
        }
      }
      if (written.length > 0) await this.complete(written, writtenIds);
      return;
    }
    await this.complete(batch, ids);
  }

  /**
   * Runs the follow-up of a committed batch and settles each caller. A second failure rejects only
   * the items that needed the follow-up; the others resolve, as they are stored.
   */
  private async complete(batch: Queued<T, R>[], ids: number[]): Promise<void> {
    const items = batch.map((b) => b.item);
    let results: R[];
    try {
      results = await this.options.followUp(items);
    } catch {
      try {
        results = await this.options.followUp(items);
      } catch (error) {
        const failure = this.options.followUpFailed(error);
        for (const [i, b] of batch.entries()) {
          if (this.options.needsFollowUp(b.item)) b.reject(failure);
          else b.resolve({ id: ids[i] ?? 0, followUps: this.options.unfollowed });
        }
        return;
      }
    }
    for (const [i, b] of batch.entries())
      b.resolve({ id: ids[i] ?? 0, followUps: results[i] ?? this.options.unfollowed });
  }
}
