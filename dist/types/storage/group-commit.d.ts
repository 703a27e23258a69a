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
export declare class GroupCommit<T, R = number> {
    private readonly options;
    private queue;
    /** Batches being written now; at most `concurrency`. */
    private readonly writing;
    private flushScheduled;
    constructor(options: GroupCommitOptions<T, R>);
    /** Queues the item; resolves once the batch holding it is committed and followed up. */
    add(item: T): Promise<Committed<R>>;
    /** Resolves once every item already queued is written (or rejected). */
    drain(): Promise<void>;
    /**
     * One batch at a time while the backlog is small: items arriving meanwhile wait for it and go
     * together next, which keeps batches large and the per-batch cost (a commit, round trips) low.
     * Only a backlog of `parallelBacklog` items or more starts another one beside it, up to
     * `concurrency`: that is when a database a round trip away, not the CPU, is what holds items back.
     */
    private canStartBatch;
    private scheduleFlush;
    private flush;
    /**
     * Runs the follow-up of a committed batch and settles each caller. A second failure rejects only
     * the items that needed the follow-up; the others resolve, as they are stored.
     */
    private complete;
}
