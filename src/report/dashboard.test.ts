import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChatStats } from '../storage/types.js';
import { chatsPerDayChart, dailySeries } from './chart.js';
import { type DashboardView, renderDashboard } from './dashboard.js';

const stats: ChatStats = {
  chats: 3,
  byPlatform: { telegram: 2, whatsapp: 1 },
  withChatId: 2,
  carriedChatId: 2,
  linkedByPartner: 0,
  matched: 2,
  matchedAfterRepair: 1,
  severalIdsResolved: 0,
  severalIdsAmbiguous: 0,
  upgradedByLaterPairing: 0,
  uploaded: 1,
  pending: 2,
  heldBack: 0,
  skippedByMetrica: { rows: 0, uploads: 0 },
  unattributed: { no_chat_id: 1, chat_id_not_paired: 0, pairing_without_metrica_id: 0, several_chat_ids: 0 },
  pairings: 4,
  byLink: { 'ad-<1>': { visits: 5, chats: 2, matched: 1 } },
};
const NOW = Date.UTC(2026, 10, 30, 12);

function view(over: Partial<DashboardView> = {}): DashboardView {
  return {
    days: 7,
    now: NOW,
    stats,
    daily: dailySeries([{ day: '2026-11-29', attributed: 2, unattributed: 1 }], 7, NOW),
    recent: [
      {
        dateTime: NOW / 1000 - 60,
        platform: 'telegram',
        partner: '<img src=x onerror=alert(1)>',
        chatId: 'CT7KQ2M9XA',
        clientId: '1767261000123456789',
        yclid: null,
        userId: null,
        purchaseId: null,
        reason: null,
        uploaded: false,
      },
    ],
    uploads: [
      { uploadId: '42', sentAt: NOW - 1000, status: 'PROCESSED', rowCount: 2, lineQuantity: 2, linkedQuantity: 1 },
    ],
    schedule: null,
    ...over,
  };
}

describe('dashboard rendering', () => {
  test('fills the days without chats with zeros, oldest first, ending today', () => {
    const series = dailySeries([{ day: '2026-11-29', attributed: 2, unattributed: 1 }], 3, NOW);
    assert.deepEqual(series, [
      { day: '2026-11-28', attributed: 0, unattributed: 0 },
      { day: '2026-11-29', attributed: 2, unattributed: 1 },
      { day: '2026-11-30', attributed: 0, unattributed: 0 },
    ]);
  });

  test('draws one stacked bar per day with chats, heights in proportion', () => {
    const svg = chatsPerDayChart([
      { day: '2026-11-29', attributed: 3, unattributed: 1 },
      { day: '2026-11-30', attributed: 0, unattributed: 0 },
    ]);
    assert.equal(svg.match(/<rect class="bar-attributed"/g)?.length, 1);
    assert.equal(svg.match(/<rect class="bar-unattributed"/g)?.length, 1);
    const height = (cls: string) => Number(new RegExp(`class="${cls}"[^>]*height="([\\d.]+)"`).exec(svg)?.[1]);
    assert.ok(Math.abs(height('bar-attributed') / height('bar-unattributed') - 3) < 0.05);
    assert.match(svg, /aria-label="Chats per day from 2026-11-29 to 2026-11-30: 3 attributed, 1 not attributed"/);
    assert.doesNotMatch(svg, /style=/);
  });

  test('escapes what visitors typed and uses no inline script or style', () => {
    const html = renderDashboard(view());
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /<script|style=|<style/i);
    const links = [...html.matchAll(/\b(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(links.length >= 4);
    for (const link of links) assert.doesNotMatch(String(link), /^[a-z]+:|^\/\//i, 'every link stays on the collector');
  });

  test('shows the stats’ own numbers, the reasons in words and Metrica’s accepted rows', () => {
    const html = renderDashboard(view());
    assert.match(html, /data-stat="chats"><div class="value">3</);
    assert.match(html, /data-stat="matched"><div class="value">2</);
    assert.match(html, /data-stat="pairings"><div class="value">4</);
    assert.match(html, /no chat ID in the message[^<]*<\/td><td><span data-reason="no_chat_id">1</);
    assert.match(html, /<td><code>42<\/code><\/td><td>PROCESSED<\/td><td>2<\/td><td>2<\/td><td>1<\/td><td>–<\/td>/);
    assert.match(html, /ClientID 1767261000123456789/);
    assert.match(html, /data-stat="matchedAfterRepair">1</);
    assert.match(html, /<code>\/go\/ad-&lt;1&gt;<\/code><\/td><td>5<\/td><td>2<\/td><td>1<\/td>/);
  });
});
