import type { BlockedBy } from './filters.js';
import { type Installation } from './find.js';
/**
 * The installation check: fetches a page as a visitor's browser would (redirects followed), finds
 * the page script and its configuration, then asks each part whether it would work. One line per
 * question, each with what to do when it fails; nothing is written to the collector (the
 * endpoint is asked with CORS preflights, which store nothing).
 */
export type CheckStatus = 'pass' | 'fail' | 'skip';
export interface CheckLine {
    id: 'page' | 'script' | 'config' | 'endpoint' | 'cors' | 'filters';
    status: CheckStatus;
    /** What was checked, e.g. "Script file loads". */
    title: string;
    /** What was found: the URL, the status, the problem. */
    detail: string;
    /** What to do, when the line failed. */
    fix?: string;
}
export interface CheckReport {
    /** The page asked for, and where the redirects ended. */
    pageUrl: string;
    finalUrl: string | null;
    installation: Installation | null;
    lines: CheckLine[];
    /** True when every line passed. */
    ok: boolean;
}
export interface CheckOptions {
    /** The blockers' verdicts; its loading error becomes the filter line's failure. */
    filters: () => Promise<BlockedBy>;
    /** Per request. Default 10 s. */
    timeoutMs?: number;
    /** How many external scripts of the page to open when looking for a renamed script file. Default 10. */
    maxScriptsOpened?: number;
}
/** Runs the check on one page. Never throws for what it finds; only a malformed `pageUrl` throws. */
export declare function checkInstallation(pageUrl: string, options: CheckOptions): Promise<CheckReport>;
