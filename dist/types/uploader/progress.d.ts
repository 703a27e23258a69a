/**
 * Progress through a large input on stderr: a bar redrawn in place on a terminal, a line every
 * 10 % otherwise (logs and CI keep every line, so redrawing would only flood them).
 */
/** Files smaller than this finish before progress would be worth showing. */
export declare const PROGRESS_MIN_BYTES: number;
export interface Progress {
    update(bytes: number): void;
    done(): void;
}
/** Renders the bar line for a terminal; pure, for tests. */
export declare function renderBar(label: string, bytes: number, total: number): string;
export declare function createProgress(label: string, total: number, out: {
    write(chunk: string): unknown;
    isTTY?: boolean;
}): Progress;
