import type { PartnerKind } from '../domain/index.js';
import type { ChatPlatform } from '../shared/conversion.js';

/**
 * Whom to forget: a chat partner (any of their identifier values, e.g. a phone with and without
 * `+`; usernames match with Latin letters in any case), or a chat ID.
 */
export interface ForgetRequest {
  partner?: { kind: PartnerKind; values: readonly string[] };
  chatId?: string;
  /**
   * The messenger the partner identifier belongs to (the same user ID on two messengers is two
   * people); all of them when absent. The chat IDs found are forgotten on every messenger: a chat
   * ID is one visitor's browser.
   */
  platform?: ChatPlatform;
}

/** What `forget` deleted. */
export interface Forgotten {
  chats: number;
  pairings: number;
  partnerLinks: number;
  /** The chat IDs whose data went with them. */
  chatIds: string[];
  /** What was done to the database files so they keep no copy; absent when nothing was deleted. */
  files?: FileCleanup;
}

/**
 * What `forget` did to leave no readable copy of the deleted rows in the database's files, what it
 * could not do (with the reason and the fix), and where copies remain that only the operator can remove.
 */
export interface FileCleanup {
  done: string[];
  skipped: string[];
  remaining: string[];
}
