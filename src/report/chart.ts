import { escapeHtml } from './html.js';

/**
 * The chats-per-day chart as inline SVG, drawn here rather than by a charting library: one
 * stacked bar per day needs a few dozen lines, runs no script in the browser (the dashboard's
 * CSP allows none), loads nothing, and scales to a phone through its viewBox. Colours come from
 * classes in the dashboard's stylesheet, so no inline style is needed either.
 */

export interface DailyCount {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  attributed: number;
  unattributed: number;
}

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { top: 14, right: 24, bottom: 34, left: 44 };

/** A round step for the y axis: 1, 2 or 5 times a power of ten, about three ticks up to `max`. */
function tickStep(max: number): number {
  const rough = Math.max(1, max / 3);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough) return m * power;
  return 10 * power;
}

/** Stacked bars, attributed below and not attributed above, one per day, with axis labels. */
export function chatsPerDayChart(days: readonly DailyCount[]): string {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(0, ...days.map((d) => d.attributed + d.unattributed));
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(1, slot * 0.72);
  const out: string[] = [];
  for (let v = 0; v <= top; v += step) {
    const at = y(v).toFixed(1);
    out.push(`<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${at}" y2="${at}"/>`);
    out.push(
      `<text class="axis" x="${PAD.left - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">${v}</text>`,
    );
  }
  const labelEvery = Math.max(1, Math.ceil(days.length / 7));
  days.forEach((d, i) => {
    const x = PAD.left + i * slot + (slot - barW) / 2;
    const total = d.attributed + d.unattributed;
    const title = `<title>${escapeHtml(d.day)}: ${total} chats, ${d.attributed} attributed, ${d.unattributed} not attributed</title>`;
    out.push(
      `<g class="day" data-day="${escapeHtml(d.day)}" data-attributed="${d.attributed}" data-unattributed="${d.unattributed}">${title}`,
    );
    if (d.attributed > 0) {
      out.push(
        `<rect class="bar-attributed" x="${x.toFixed(1)}" y="${y(d.attributed).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - y(d.attributed)).toFixed(1)}"/>`,
      );
    }
    if (d.unattributed > 0) {
      out.push(
        `<rect class="bar-unattributed" x="${x.toFixed(1)}" y="${y(total).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(d.attributed) - y(total)).toFixed(1)}"/>`,
      );
    }
    out.push('</g>');
    // Labels from the right end, so the latest day is always named.
    if ((days.length - 1 - i) % labelEvery === 0) {
      out.push(
        `<text class="axis" x="${(x + barW / 2).toFixed(1)}" y="${HEIGHT - 10}" text-anchor="middle">${escapeHtml(d.day.slice(5))}</text>`,
      );
    }
  });
  const sum = (k: 'attributed' | 'unattributed') => days.reduce((n, d) => n + d[k], 0);
  const label = `Chats per day from ${days[0]?.day ?? '–'} to ${days[days.length - 1]?.day ?? '–'}: ${sum('attributed')} attributed, ${sum('unattributed')} not attributed`;
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${out.join('')}</svg>`;
}

/**
 * One entry per UTC day of the period ending on `nowMs`'s day, oldest first: the days the
 * database has counts for, and zero for the others (a gap in the chart is a day without chats).
 */
export function dailySeries(counts: readonly DailyCount[], days: number, nowMs: number): DailyCount[] {
  const byDay = new Map(counts.map((c) => [c.day, c]));
  const today = Math.floor(nowMs / 86_400_000);
  const series: DailyCount[] = [];
  for (let d = today - days + 1; d <= today; d++) {
    const day = new Date(d * 86_400_000).toISOString().slice(0, 10);
    const c = byDay.get(day);
    series.push({ day, attributed: c?.attributed ?? 0, unattributed: c?.unattributed ?? 0 });
  }
  return series;
}
