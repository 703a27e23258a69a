import type { CheckReport } from './run.js';
/** The check as terminal text: one line per question, and under a failed one what to do. */
export declare function formatCheck(report: CheckReport): string;
