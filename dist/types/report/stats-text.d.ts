import type { ChatStats, UnattributedReason } from '../storage/types.js';
/** What each unattributed reason means, in the words a business owner would use. */
export declare const REASON_TEXT: Record<UnattributedReason, string>;
/** The yield report as plain text: how many chats reached each stage, and why the rest did not. */
export declare function formatReport(stats: ChatStats, sinceLabel?: string): string;
