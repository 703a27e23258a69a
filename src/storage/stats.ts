import { type Sql, toNumber } from './sql.js';
import { type ChatStats, type LinkStats, UNATTRIBUTED_REASONS } from './types.js';

/** Counts of chats (at or after `since`, Unix seconds) by outcome and platform, and of pairings. */
export async function chatStats(db: Sql, options: { since?: number } = {}): Promise<ChatStats> {
  const since = options.since ?? Number.MIN_SAFE_INTEGER;
  const totals = await db.get<Record<string, number | string | null>>(
    `SELECT COUNT(*) AS chats,
       SUM(CASE WHEN chat_id IS NOT NULL THEN 1 ELSE 0 END) AS with_chat_id,
       SUM(CASE WHEN chat_id_source = 'message' THEN 1 ELSE 0 END) AS carried_chat_id,
       SUM(CASE WHEN chat_id_source = 'partner' THEN 1 ELSE 0 END) AS linked_by_partner,
       SUM(CASE WHEN unattributed_reason IS NULL THEN 1 ELSE 0 END) AS matched,
       SUM(CASE WHEN unattributed_reason IS NULL AND chat_id_repair IS NOT NULL THEN 1 ELSE 0 END) AS matched_after_repair,
       SUM(CASE WHEN chat_id_count > 1 AND chat_id IS NOT NULL THEN 1 ELSE 0 END) AS several_ids_resolved,
       SUM(CASE WHEN unattributed_reason = 'several_chat_ids' THEN 1 ELSE 0 END) AS several_ids_ambiguous,
       SUM(CASE WHEN upgraded_at IS NOT NULL THEN 1 ELSE 0 END) AS upgraded,
       SUM(CASE WHEN uploaded_revision IS NOT NULL AND uploaded_revision = revision THEN 1 ELSE 0 END) AS uploaded,
       SUM(CASE WHEN held_revision IS NOT NULL AND held_revision = revision THEN 1 ELSE 0 END) AS held_back
     FROM chats WHERE date_time >= ?`,
    [since],
  );
  const platforms = await db.all<{ platform: string; c: number | string }>(
    'SELECT platform, COUNT(*) AS c FROM chats WHERE date_time >= ? GROUP BY platform ORDER BY platform',
    [since],
  );
  const reasons = await db.all<{ r: string; c: number | string }>(
    'SELECT unattributed_reason AS r, COUNT(*) AS c FROM chats WHERE date_time >= ? AND unattributed_reason IS NOT NULL GROUP BY unattributed_reason',
    [since],
  );
  const pairings = await db.get<{ c: number | string }>('SELECT COUNT(*) AS c FROM pairings');
  // Uploads are not dated by chat, so this count is of every upload, whatever `since` says.
  const skipped = await db.get<{ rows: number | string | null; uploads: number | string | null }>(
    `SELECT SUM(row_count - accepted_count) AS rows, COUNT(*) AS uploads FROM uploads
     WHERE accepted_count IS NOT NULL AND accepted_count < row_count`,
  );
  const byLink = await linkStats(db, options.since);
  const unattributed = Object.fromEntries(UNATTRIBUTED_REASONS.map((r) => [r, 0])) as ChatStats['unattributed'];
  for (const r of reasons) if (r.r in unattributed) unattributed[r.r as keyof typeof unattributed] = toNumber(r.c);
  const chats = toNumber(totals?.chats);
  const uploaded = toNumber(totals?.uploaded);
  return {
    chats,
    byPlatform: Object.fromEntries(platforms.map((p) => [p.platform, toNumber(p.c)])),
    withChatId: toNumber(totals?.with_chat_id),
    carriedChatId: toNumber(totals?.carried_chat_id),
    linkedByPartner: toNumber(totals?.linked_by_partner),
    matched: toNumber(totals?.matched),
    matchedAfterRepair: toNumber(totals?.matched_after_repair),
    severalIdsResolved: toNumber(totals?.several_ids_resolved),
    severalIdsAmbiguous: toNumber(totals?.several_ids_ambiguous),
    upgradedByLaterPairing: toNumber(totals?.upgraded),
    uploaded,
    pending: chats - uploaded,
    heldBack: toNumber(totals?.held_back),
    skippedByMetrica: { rows: toNumber(skipped?.rows), uploads: toNumber(skipped?.uploads) },
    unattributed,
    pairings: toNumber(pairings?.c),
    byLink,
  };
}

/**
 * Per bridge link: its visits that stored a pairing, and the chats whose chat ID it made. A chat
 * ID comes from one link only (its reuse cookie is scoped to that link's path), so a chat counts
 * for one link at most; chats of the page script's chat IDs count for none.
 */
async function linkStats(db: Sql, since?: number): Promise<Record<string, LinkStats>> {
  const visits = await db.all<{ link: string; c: number | string }>(
    'SELECT link, COUNT(*) AS c FROM pairings WHERE link IS NOT NULL AND received_at >= ? GROUP BY link',
    [since === undefined ? 0 : since * 1000],
  );
  const chats = await db.all<{ link: string; c: number | string; m: number | string | null }>(
    `SELECT l.link, COUNT(*) AS c, SUM(CASE WHEN c.unattributed_reason IS NULL THEN 1 ELSE 0 END) AS m
     FROM chats c JOIN (SELECT DISTINCT link, chat_id FROM pairings WHERE link IS NOT NULL) l ON l.chat_id = c.chat_id
     WHERE c.date_time >= ? GROUP BY l.link`,
    [since ?? Number.MIN_SAFE_INTEGER],
  );
  const byLink: Record<string, LinkStats> = {};
  const entry = (link: string): LinkStats => {
    byLink[link] ??= { visits: 0, chats: 0, matched: 0 };
    return byLink[link];
  };
  for (const v of visits) entry(v.link).visits = toNumber(v.c);
  for (const c of chats) Object.assign(entry(c.link), { chats: toNumber(c.c), matched: toNumber(c.m) });
  // Names in order, so the JSON and the report list links the same way every time.
  return Object.fromEntries(Object.entries(byLink).sort(([a], [b]) => a.localeCompare(b)));
}
