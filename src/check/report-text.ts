import type { CheckReport, CheckStatus } from './run.js';

const MARK: Record<CheckStatus, string> = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' };

/** The check as terminal text: one line per question, and under a failed one what to do. */
export function formatCheck(report: CheckReport): string {
  const width = Math.max(...report.lines.map((l) => l.title.length));
  const out = [`Checking ${report.pageUrl}`, ''];
  for (const line of report.lines) {
    out.push(`${MARK[line.status]}  ${line.title.padEnd(width)}  ${line.detail}`);
    if (line.fix) out.push(`      ${''.padEnd(width)}  → ${line.fix}`);
  }
  const failed = report.lines.filter((l) => l.status === 'fail').length;
  out.push('', report.ok ? 'All checks passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`, '');
  return out.join('\n');
}
