/**
 * The dashboard's stylesheet, served as a same-origin file (`dashboard.css`) so the page needs
 * no inline style under its CSP. Mobile first: one column, tables scroll sideways on their own.
 */
export const DASHBOARD_CSS = `:root { color-scheme: light dark; --fg: #1b1f24; --muted: #5b6470; --bg: #fff; --panel: #f4f6f8;
  --line: #d6dbe1; --good: #1a7f37; --bad: #b42318; --attributed: #2f6fde; --unattributed: #e0893a; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ed; --muted: #9aa4af; --bg: #111418; --panel: #1b2026;
  --line: #2e353d; --good: #4ac26b; --bad: #ff7b72; --attributed: #5b8ff0; --unattributed: #f0a35e; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 980px; margin: 0 auto; padding: 0 16px; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 8px; padding-top: 16px; }
h1 { font-size: 1.3rem; margin: 0; }
h2 { font-size: 1.05rem; margin: 28px 0 10px; }
.periods a, .periods strong { margin-left: 8px; }
a { color: var(--attributed); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
.card { background: var(--panel); border-radius: 8px; padding: 12px; }
.card .value { font-size: 1.7rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .label { font-weight: 600; }
.card .note, .empty, footer, .legend { color: var(--muted); font-size: 0.9rem; }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis { fill: var(--muted); font-size: 12px; }
.bar-attributed, .key-attributed { fill: var(--attributed); background: var(--attributed); }
.bar-unattributed, .key-unattributed { fill: var(--unattributed); background: var(--unattributed); }
.key { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-left: 8px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; white-space: nowrap; }
td code { font-size: 0.88rem; }
table.recent td, table.uploads td { white-space: nowrap; }
/* Wide enough for the lists to wrap inside the page rather than scroll. */
@media (min-width: 700px) { table.recent td:nth-child(n + 5) { white-space: normal; } }
meter { width: 120px; }
.good { color: var(--good); }
.bad { color: var(--bad); }
.check-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.check-form input { flex: 1 1 260px; padding: 8px; font: inherit; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.check-form button { padding: 8px 16px; font: inherit; border-radius: 6px; border: 0; background: var(--attributed); color: #fff; }
.checks { list-style: none; padding: 0; }
.checks li { padding: 6px 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.checks .mark { display: inline-block; min-width: 3.2em; font-weight: 700; }
.check-pass .mark { color: var(--good); }
.check-fail .mark { color: var(--bad); }
.check-skip .mark { color: var(--muted); }
.fix { margin: 4px 0 0 3.6em; color: var(--muted); }
footer { padding-top: 24px; padding-bottom: 24px; }
/* The chart scales with the screen; its labels are in its own units, so they grow on a phone. */
@media (max-width: 600px) { .chart .axis { font-size: 22px; } }
`;

/** The dashboard's icon, also same-origin: without one the browser asks for /favicon.ico and logs a 404. */
export const DASHBOARD_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="8" width="4" height="7" fill="#2f6fde"/><rect x="6" y="4" width="4" height="11" fill="#2f6fde"/><rect x="11" y="1" width="4" height="14" fill="#e0893a"/></svg>';
