import { type ConversionRecord } from '../domain/index.js';
import { type FaultKind } from './faults.js';
export type { FaultKind };
/**
 * A fake of Metrica's CHATS upload API on 127.0.0.1: a real HTTP server, as strict as the docs,
 * so tests and the demo exercise the real client, multipart body and all. Point a client at
 * its `url` instead of https://api-metrika.yandex.net. The reference is docs/metrica-api.md;
 * each behaviour below is marked [D] documented, [Y] shown by Yandex's own API tests, or [I]
 * inferred where the docs are silent.
 */
export interface FakeUpload {
    id: number;
    counterId: string;
    comment: string;
    createdAt: number;
    /** Data rows in the file (`source_quantity`). */
    sourceRows: number;
    /** The rows that passed the checks and were stored (`line_quantity` is their count). */
    rows: ConversionRecord[];
    linked: number;
    notFound: number;
}
export interface FakeConversion {
    counterId: string;
    record: ConversionRecord;
    /** How many times a later upload updated this chat (same DateTime + ChatPlatform + partner). */
    updates: number;
}
export interface FakeMetrica {
    url: string;
    close(): Promise<void>;
    /** Every accepted upload, oldest first. */
    uploads(): FakeUpload[];
    /** The chats Metrica now holds, one per update key. */
    conversions(counterId?: string): FakeConversion[];
    /** Requests received (any route, any outcome) and the most that were in flight at once. */
    stats(): {
        requests: number;
        maxInFlight: number;
    };
    faults: {
        next(kind: FaultKind, count?: number): void;
    };
}
export interface FakeMetricaOptions {
    token: string;
    port?: number;
    /**
     * Metrica's clock in Unix seconds (default the real one). A clock behind the uploader's makes
     * Metrica skip rows whose DateTime it has not reached yet, as a clock skew would.
     */
    nowSeconds?: () => number;
    /** Time from UPLOADED to PROCESSED / LINKAGE_FAILURE (default 0). */
    processDelayMs?: number;
    /** Delay of a `slow` reply (default 2000 ms). */
    slowMs?: number;
    /** `Retry-After` of a `429` fault, in seconds (default 1). */
    retryAfterSeconds?: number;
}
export declare function startFakeMetrica(options: FakeMetricaOptions): Promise<FakeMetrica>;
