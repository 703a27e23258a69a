import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatStats } from '../storage/types.js';
import { formatReport } from './stats-text.js';

const stats: ChatStats = {
  chats: 4,
  byPlatform: { whatsapp: 2, telegram: 2 },
  withChatId: 3,
  carriedChatId: 2,
  linkedByPartner: 1,
  matched: 3,
  matchedAfterRepair: 1,
  severalIdsResolved: 1,
  severalIdsAmbiguous: 0,
  upgradedByLaterPairing: 2,
  uploaded: 1,
  pending: 3,
  heldBack: 1,
  skippedByMetrica: { rows: 2, uploads: 1 },
  unattributed: { no_chat_id: 1, chat_id_not_paired: 0, pairing_without_metrica_id: 0, several_chat_ids: 0 },
  pairings: 5,
  byLink: {},
};

describe('formatReport', () => {
  it('shows every stage with its share of all chats', () => {
    const text = formatReport(stats, '2026-11-01');
    assert.match(text, /^Chat yield since 2026-11-01/);
    assert.match(text, /Chats\s+4\n/);
    assert.match(text, /telegram\s+2\s+50%/);
    assert.match(text, /Carried the chat ID in the message\s+2\s+50%/);
    assert.match(text, /Linked by the same partner's earlier chat\s+1\s+25%/);
    assert.match(text, /Matched to Metrica IDs\s+3\s+75%/);
    assert.match(text, /Uploaded \(current version\)\s+1\s+25%/);
    assert.match(text, /held back: breaks a CHATS rule \(upload says why\)\s+1\s+25%/);
    assert.match(text, /Rows Metrica skipped \(sent, not accepted\)\s+2\n\s+in 1 upload:/);
    assert.match(text, /Unattributed\s+1\s+25%/);
  });

  it('names how matching reached its chats, so a change in yield can be explained', () => {
    const text = formatReport({
      ...stats,
      severalIdsAmbiguous: 1,
      unattributed: { ...stats.unattributed, several_chat_ids: 1 },
    });
    assert.match(text, /matched after repairing the chat ID\s+1\s+25%/);
    assert.match(text, /several chat IDs, one chosen by its pairing\s+1\s+25%/);
    assert.match(text, /several chat IDs, none could be chosen\s+1\s+25%/);
    assert.match(text, /upgraded by a later pairing of the same visit\s+2\s+50%/);
    assert.match(text, /1\s+several chat IDs in the message/);
  });

  it('lists only the reasons that occurred', () => {
    const text = formatReport(stats);
    assert.match(text, /1\s+no chat ID in the message/);
    assert.doesNotMatch(text, /never paired/);
  });

  it('lists visits, chats and matches per bridge link, only when there are any', () => {
    assert.doesNotMatch(formatReport(stats), /Bridge links/);
    const text = formatReport({
      ...stats,
      byLink: { promo: { visits: 412, chats: 58, matched: 57 }, 'autumn-2026': { visits: 3, chats: 0, matched: 0 } },
    });
    assert.match(text, /\n {2}Bridge links {30}\s+Visits\s+Chats\s+Matched\n/);
    assert.match(text, /\n {4}promo\s+412\s+58\s+57\n/);
    assert.match(text, /\n {4}autumn-2026\s+3\s+0\s+0\n/);
  });

  it('does not divide by zero on an empty database', () => {
    const empty: ChatStats = {
      ...stats,
      chats: 0,
      byPlatform: {},
      withChatId: 0,
      carriedChatId: 0,
      linkedByPartner: 0,
      matched: 0,
      matchedAfterRepair: 0,
      severalIdsResolved: 0,
      severalIdsAmbiguous: 0,
      upgradedByLaterPairing: 0,
      uploaded: 0,
      pending: 0,
      pairings: 0,
      unattributed: { no_chat_id: 0, chat_id_not_paired: 0, pairing_without_metrica_id: 0, several_chat_ids: 0 },
    };
    const text = formatReport({ ...empty, heldBack: 0, skippedByMetrica: { rows: 0, uploads: 0 } });
    assert.match(text, /Carried the chat ID in the message\s+0\s+–/);
    assert.doesNotMatch(text, /Metrica skipped/);
    assert.doesNotMatch(text, /NaN|Infinity/);
  });
});
