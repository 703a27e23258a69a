import type { ChatStats, UnattributedReason } from '../storage/types.js';

/** What each unattributed reason means, in the words a business owner would use. */
export const REASON_TEXT: Record<UnattributedReason, string> = {
  no_chat_id: 'no chat ID in the message (tag deleted, or the visitor came without the script)',
  chat_id_not_paired: 'chat ID never paired (the beacon never reached the collector)',
  pairing_without_metrica_id: 'pairing without any Metrica ID (no ClientID, yclid, UserID or PurchaseID)',
  several_chat_ids: 'several chat IDs in the message, none clearly the visitor’s own (never guessed)',
};

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);

/** The yield report as plain text: how many chats reached each stage, and why the rest did not. */
export function formatReport(stats: ChatStats, sinceLabel?: string): string {
  const width = 42;
  const line = (label: string, value: number, of?: number) =>
    `  ${label.padEnd(width)}${String(value).padStart(7)}${of === undefined ? '' : `  ${percent(value, of).padStart(4)}`}`;
  const platforms = Object.entries(stats.byPlatform).sort(([a], [b]) => a.localeCompare(b));
  const unattributedTotal = Object.values(stats.unattributed).reduce((a, b) => a + b, 0);
  const reasons = (Object.keys(REASON_TEXT) as UnattributedReason[]).filter((r) => stats.unattributed[r] > 0);
  return [
    `Chat yield${sinceLabel ? ` since ${sinceLabel}` : ''}`,
    '',
    line('Chats', stats.chats),
    ...platforms.map(([platform, n]) => line(`  ${platform}`, n, stats.chats)),
    line('Carried the chat ID in the message', stats.carriedChatId, stats.chats),
    line("Linked by the same partner's earlier chat", stats.linkedByPartner, stats.chats),
    line('Matched to Metrica IDs', stats.matched, stats.chats),
    line('  matched after repairing the chat ID', stats.matchedAfterRepair, stats.chats),
    line('  several chat IDs, one chosen by its pairing', stats.severalIdsResolved, stats.chats),
    line('  several chat IDs, none could be chosen', stats.severalIdsAmbiguous, stats.chats),
    line('  upgraded by a later pairing of the same visit', stats.upgradedByLaterPairing, stats.chats),
    line('Uploaded (current version)', stats.uploaded, stats.chats),
    line('Waiting for upload', stats.pending, stats.chats),
    line('  held back: breaks a CHATS rule (upload says why)', stats.heldBack, stats.chats),
    line('Pairings received', stats.pairings),
    ...(stats.skippedByMetrica.rows > 0
      ? [
          line('Rows Metrica skipped (sent, not accepted)', stats.skippedByMetrica.rows),
          `  ${''.padEnd(width)}        in ${stats.skippedByMetrica.uploads} upload${stats.skippedByMetrica.uploads === 1 ? '' : 's'}: see each upload's line_quantity`,
        ]
      : []),
    '',
    line('Unattributed', unattributedTotal, stats.chats),
    ...reasons.map((r) => `  ${''.padEnd(width)}${String(stats.unattributed[r]).padStart(7)}  ${REASON_TEXT[r]}`),
    '',
    ...linkLines(stats.byLink, width),
  ].join('\n');
}

/** Visits, chats and matches per bridge link (`/go/NAME`); nothing when no link was visited. */
function linkLines(byLink: ChatStats['byLink'], width: number): string[] {
  const links = Object.entries(byLink);
  if (links.length === 0) return [];
  const row = (label: string, ...cells: Array<string | number>) =>
    `  ${label.padEnd(width)}${cells.map((c, i) => String(c).padStart([7, 8, 9][i] ?? 9)).join('')}`;
  return [
    row('Bridge links', 'Visits', 'Chats', 'Matched'),
    ...links.map(([name, l]) => row(`  ${name}`, l.visits, l.chats, l.matched)),
    '',
  ];
}
