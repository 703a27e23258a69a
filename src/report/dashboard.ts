import type { CheckReport } from '../check/run.js';
import type { ChatStats, UnattributedReason } from '../storage/types.js';
import { chatsPerDayChart, type DailyCount } from './chart.js';
import { escapeHtml as h } from './html.js';
import { REASON_TEXT } from './stats-text.js';

/**
 * The dashboard as one HTML document: the yield figures (the same object `GET /v1/stats` and
 * `report` print), chats per day, recent chats with their match, the upload history, the
 * scheduled upload and the installation check. Pure: the collector fetches, this only renders.
 * No script and no inline style: the stylesheet is a same-origin file, so the page works under
 * `default-src 'none'; style-src 'self'`.
 */

export type { DailyCount } from './chart.js';

/** A chat as the dashboard lists it, with what it was matched to. */
export interface RecentChat {
  /** Unix seconds. */
  dateTime: number;
  platform: string;
  /** The partner as the chat names them: username, user ID or phone. */
  partner: string;
  chatId: string | null;
  clientId: string | null;
  yclid: string | null;
  userId: string | null;
  purchaseId: string | null;
  reason: UnattributedReason | null;
  uploaded: boolean;
}

/** One upload to Metrica and what Metrica made of it. */
export interface UploadEntry {
  uploadId: string;
  /** Unix milliseconds. */
  sentAt: number;
  status: string;
  /** Rows the file carried. */
  rowCount: number;
  /** Metrica's counts once processed: rows accepted, linked to a visit, user not found. */
  lineQuantity?: number;
  linkedQuantity?: number;
  userNotFoundQuantity?: number;
}

/** The collector's own upload schedule, when `serve --upload-every` runs one. */
export interface ScheduleView {
  every: string;
  counterId: string;
  lastRun?: { at: number; outcome: string; message: string };
  /** Unix milliseconds. */
  nextRunAt?: number;
}

export interface DashboardView {
  /** The period shown, in days, ending today (UTC). */
  days: number;
  /** Unix milliseconds, for the footer. */
  now: number;
  stats: ChatStats;
  daily: DailyCount[];
  recent: RecentChat[];
  uploads: UploadEntry[];
  schedule: ScheduleView | null;
  /** The installation check for the URL typed in, when one was. */
  check?: { url: string; report?: CheckReport; error?: string };
}

export const PERIODS = [7, 30, 90] as const;

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);
const utc = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const num = (n: number | undefined): string => (n === undefined ? '–' : String(n));

function card(label: string, value: number, note: string, id: string): string {
  return `<div class="card" data-stat="${id}"><div class="value">${value}</div><div class="label">${h(label)}</div><div class="note">${h(note)}</div></div>`;
}

function table(head: readonly string[], rows: readonly string[][], empty: string, cls = ''): string {
  if (rows.length === 0) return `<p class="empty">${h(empty)}</p>`;
  const th = head.map((c) => `<th scope="col">${h(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll"><table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function metricaIds(c: RecentChat): string {
  const ids = [
    c.clientId ? `ClientID ${h(c.clientId)}` : null,
    c.yclid ? `yclid ${h(c.yclid)}` : null,
    c.userId ? `UserID ${h(c.userId)}` : null,
    c.purchaseId ? `PurchaseID ${h(c.purchaseId)}` : null,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join('<br>') : '–';
}

function checkSection(check: DashboardView['check']): string {
  const value = check ? ` value="${h(check.url)}"` : '';
  const form = `<form method="get" action="dashboard" class="check-form"><label for="check-url">Page URL</label><input id="check-url" name="check" type="url" required placeholder="https://example.com/landing"${value}><button type="submit">Check</button></form>`;
  if (!check) return form;
  if (check.error || !check.report) return `${form}<p class="bad">${h(check.error ?? 'the check did not run')}</p>`;
  const items = check.report.lines
    .map(
      (l) =>
        `<li class="check-${l.status}" data-check="${l.id}"><span class="mark">${{ pass: 'OK', fail: 'FAIL', skip: 'SKIP' }[l.status]}</span> <strong>${h(l.title)}</strong>: ${h(l.detail)}${l.fix ? `<div class="fix">${h(l.fix)}</div>` : ''}</li>`,
    )
    .join('');
  const verdict = check.report.ok
    ? '<p class="good">All checks passed.</p>'
    : '<p class="bad">Some checks failed; what to do is under each.</p>';
  return `${form}<ul class="checks">${items}</ul>${verdict}`;
}

/** Run outcomes shown as a problem: the rows did not go. */
const BAD_OUTCOMES = new Set(['failed', 'invalid', 'quota-exhausted']);

/** The reasons, short enough for a table cell on a phone; the reasons table has them in full. */
const REASON_SHORT: Record<UnattributedReason, string> = {
  no_chat_id: 'no chat ID in the message',
  chat_id_not_paired: 'chat ID never paired',
  pairing_without_metrica_id: 'pairing without a Metrica ID',
  several_chat_ids: 'several chat IDs in one message',
};

function scheduleSection(s: ScheduleView | null): string {
  if (!s) {
    return '<p class="empty">No scheduled upload: run <code>metrica-chats serve --upload-every 1h --counter &lt;id&gt;</code>, or <code>metrica-chats upload</code> from cron.</p>';
  }
  const last = s.lastRun
    ? `Last run ${utc(s.lastRun.at)} UTC: <strong class="${BAD_OUTCOMES.has(s.lastRun.outcome) ? 'bad' : 'good'}">${h(s.lastRun.message)}</strong>.`
    : 'No run yet.';
  const next = s.nextRunAt ? ` Next run ${utc(s.nextRunAt)} UTC.` : '';
  return `<p data-schedule>Every ${h(s.every)} to counter ${h(s.counterId)}. ${last}${next}</p>`;
}

/** The whole page. Everything from the database is escaped: partner names are what visitors typed. */
export function renderDashboard(v: DashboardView): string {
  const s = v.stats;
  const unattributedTotal = Object.values(s.unattributed).reduce((a, b) => a + b, 0);
  const periods = PERIODS.map((d) =>
    d === v.days ? `<strong aria-current="page">${d} days</strong>` : `<a href="?days=${d}">${d} days</a>`,
  ).join(' ');
  const platforms = Object.entries(s.byPlatform)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, n]) => [h(p), String(n), percent(n, s.chats), `<meter min="0" max="${s.chats}" value="${n}"></meter>`]);
  const links = Object.entries(s.byLink ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, l]) => [`<code>/go/${h(name)}</code>`, String(l.visits), String(l.chats), String(l.matched)]);
  const reasons = (Object.keys(REASON_TEXT) as UnattributedReason[])
    .filter((r) => s.unattributed[r] > 0)
    .map((r) => [h(REASON_TEXT[r]), `<span data-reason="${r}">${s.unattributed[r]}</span>`]);
  const recent = v.recent.map((c) => [
    `${utc(c.dateTime * 1000)}`,
    h(c.platform),
    h(c.partner),
    c.chatId ? `<code>${h(c.chatId)}</code>` : '–',
    metricaIds(c),
    c.reason ? `<span class="bad">${h(REASON_SHORT[c.reason])}</span>` : '<span class="good">attributed</span>',
    c.uploaded ? 'uploaded' : 'waiting',
  ]);
  const uploads = v.uploads.map((u) => [
    `${utc(u.sentAt)}`,
    `<code>${h(u.uploadId)}</code>`,
    h(u.status),
    String(u.rowCount),
    num(u.lineQuantity),
    num(u.linkedQuantity),
    num(u.userNotFoundQuantity),
  ]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>metrica-chats dashboard</title>
<link rel="stylesheet" href="dashboard.css">
<link rel="icon" href="dashboard.svg" type="image/svg+xml">
</head>
<body>
<header><h1>metrica-chats</h1><nav class="periods">Last ${periods}</nav></header>
<main>
<section aria-labelledby="h-totals"><h2 id="h-totals">Last ${v.days} days</h2>
<div class="cards">
${card(
  'Chats',
  s.chats,
  Object.entries(s.byPlatform).length > 0
    ? Object.entries(s.byPlatform)
        .map(([p, n]) => `${p} ${n}`)
        .join(', ')
    : 'none yet',
  'chats',
)}
${card('Attributed', s.matched, `${percent(s.matched, s.chats)} matched to Metrica IDs`, 'matched')}
${card('Not attributed', unattributedTotal, percent(unattributedTotal, s.chats), 'unattributed')}
${card('Uploaded', s.uploaded, `${s.pending} waiting for upload`, 'uploaded')}
${card('Pairings received', s.pairings, 'beacons from the page script', 'pairings')}
</div></section>
<section aria-labelledby="h-chart"><h2 id="h-chart">Chats per day</h2>
<p class="legend"><span class="key key-attributed"></span> attributed <span class="key key-unattributed"></span> not attributed</p>
${chatsPerDayChart(v.daily)}
</section>
<section aria-labelledby="h-platforms"><h2 id="h-platforms">By platform</h2>
${table(['Platform', 'Chats', 'Share', ''], platforms, 'No chats in this period.')}
${table(
  ['How the chat ID was found', 'Chats'],
  [
    ['Carried in the message', `<span data-stat="carriedChatId">${s.carriedChatId}</span>`],
    ['Linked by the same partner’s earlier chat', `<span data-stat="linkedByPartner">${s.linkedByPartner}</span>`],
    ['Matched after repairing the chat ID', `<span data-stat="matchedAfterRepair">${s.matchedAfterRepair}</span>`],
    [
      'Several chat IDs, one chosen by its pairing',
      `<span data-stat="severalIdsResolved">${s.severalIdsResolved}</span>`,
    ],
    [
      'Upgraded by a later pairing of the same visit',
      `<span data-stat="upgradedByLaterPairing">${s.upgradedByLaterPairing}</span>`,
    ],
  ],
  '',
  'found',
)}
</section>
${
  links.length > 0
    ? `<section aria-labelledby="h-links"><h2 id="h-links">Bridge links</h2>
${table(['Link', 'Visits', 'Chats', 'Matched'], links, '', 'links')}
</section>`
    : ''
}
<section aria-labelledby="h-reasons"><h2 id="h-reasons">Why chats were not attributed</h2>
${table(['Reason', 'Chats'], reasons, 'Every chat in this period was attributed.', 'reasons')}
</section>
<section aria-labelledby="h-recent"><h2 id="h-recent">Recent chats</h2>
${table(['Time (UTC)', 'Platform', 'Partner', 'Chat ID', 'Metrica IDs', 'Match', 'Upload'], recent, 'No chats in this period.', 'recent')}
</section>
<section aria-labelledby="h-uploads"><h2 id="h-uploads">Uploads to Metrica</h2>
${scheduleSection(v.schedule)}
${table(['Sent (UTC)', 'Upload', 'Metrica status', 'Rows sent', 'Rows accepted', 'Linked', 'Not found'], uploads, 'Nothing uploaded yet.', 'uploads')}
</section>
<section aria-labelledby="h-check"><h2 id="h-check">Installation check</h2>
<p>Is the script on a page, configured, and able to reach this collector?</p>
${checkSection(v.check)}
</section>
</main>
<footer>As of ${utc(v.now)} UTC. The same figures: <code>GET /v1/stats</code>, <code>metrica-chats report</code>.</footer>
</body>
</html>
`;
}
