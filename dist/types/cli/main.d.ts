import type { CliIO } from './io.js';
/** Runs the CLI for the given process-like object and returns the exit code. */
export declare function main(io: CliIO): Promise<number>;
