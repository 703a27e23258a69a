import type { UploadResult } from '../uploader/job.js';
import { describeProblem, type UploadSummary } from '../uploader/validate.js';
import { type CliIO, EXIT } from './io.js';

/** What `metrica-chats upload` prints: the outcome of an upload run, for people or as JSON. */

const PROBLEMS_SHOWN = 50;

export const rowCount = (n: number): string => (n === 1 ? '1 row' : `${n} rows`);

function summaryLines(summary: UploadSummary): string {
  const platforms = Object.entries(summary.platforms)
    .map(([p, n]) => `${p} ${n}`)
    .join(', ');
  return `${rowCount(summary.rows)}: ${summary.attributed} attributed, ${summary.unattributed} unattributed (${platforms})\n`;
}

/**
 * What a failure leaves behind. Once a file was accepted (and, from the database, its rows
 * marked), saying that every row stays pending would be false: a failed status poll after a
 * successful upload is the common case.
 */
export function afterFailure(
  accepted: ReadonlyArray<{ id: string; rows: number; of: number }>,
  fromDatabase: boolean,
): string {
  if (accepted.length === 0) return fromDatabase ? ' The rows stay pending; the next run sends them.' : '';
  const rows = accepted.reduce((n, a) => n + a.rows, 0);
  const ids = accepted.map((a) => a.id).join(', ');
  const of = accepted[0]!.of;
  const done = ` Metrica had already accepted ${rows} rows (upload ${ids})${fromDatabase ? ', marked as uploaded' : ''}`;
  if (accepted.length < of) {
    return `${done}; the other ${of - accepted.length} of ${of} parts were not sent${fromDatabase ? ' and their rows stay pending for the next run' : ''}.`;
  }
  return `${done}; only waiting for its final status failed.`;
}

/** Prints the result of an upload run; returns the exit code. */
export function printUploadResult(
  result: UploadResult,
  o: { io: CliIO; json: boolean; source: string; counterId: string; isFile: boolean },
): number {
  const { io } = o;
  if (o.json) {
    io.stdout.write(
      `${JSON.stringify({
        status: result.status,
        counterId: o.counterId,
        source: o.source,
        ...result.summary,
        problemCount: result.problemCount,
        problems: result.problems,
        heldBack: result.held.map((h) => ({ line: h.line, problems: h.problems })),
        notAccepted: result.notAccepted,
        uploads: result.uploads.map((u) => ({
          ...u.uploading,
          rows: u.rows,
          ...(u.outcome ? { outcome: u.outcome } : {}),
        })),
      })}\n`,
    );
  }
  if (result.status === 'invalid') {
    const label = o.isFile ? o.source : undefined;
    for (const problem of result.problems.slice(0, PROBLEMS_SHOWN)) {
      io.stderr.write(`${describeProblem(problem, label)}\n`);
    }
    if (result.problemCount > PROBLEMS_SHOWN)
      io.stderr.write(`… and ${result.problemCount - PROBLEMS_SHOWN} more problems\n`);
    io.stderr.write(`${result.problemCount} problem${result.problemCount === 1 ? '' : 's'} found; nothing was sent.\n`);
    return EXIT.failed;
  }
  const code = result.notAccepted > 0 ? EXIT.notAccepted : result.held.length > 0 ? EXIT.heldBack : EXIT.ok;
  if (o.json) return code;
  printHeldBack(result, io);
  if (result.status === 'empty') {
    io.stdout.write(
      o.isFile
        ? `Nothing to upload: ${o.source} has a header but no rows.\n`
        : `Nothing${result.held.length > 0 ? ' else' : ''} to upload: no rows are new or changed since the last upload.\n`,
    );
    return code;
  }
  io.stdout.write(summaryLines(result.summary));
  if (result.status === 'dry-run') {
    io.stdout.write(
      result.held.length > 0
        ? 'Dry run: the other rows are valid; nothing was sent.\n'
        : 'Dry run: every row is valid; nothing was sent.\n',
    );
    return code;
  }
  for (const { uploading: u, outcome } of result.uploads) {
    if (!outcome) continue;
    const counts = [
      u.line_quantity !== undefined ? `${u.line_quantity} rows accepted` : null,
      u.linked_quantity !== undefined ? `${u.linked_quantity} linked` : null,
      u.user_not_found_quantity !== undefined ? `${u.user_not_found_quantity} not found` : null,
    ].filter(Boolean);
    const what = {
      processed: 'processed',
      linkage_failure: 'processed, but no row could be linked to a visit (LINKAGE_FAILURE)',
      unknown: `reported status ${u.status}, which this tool does not know; check the upload in Metrica`,
      timeout: `still ${u.status} when waiting ended; Metrica may take up to 2 hours`,
    }[outcome];
    io.stdout.write(`Upload ${u.id}: ${what}${counts.length ? ` (${counts.join(', ')})` : ''}\n`);
  }
  if (result.notAccepted > 0) {
    const sent = result.uploads.reduce((n, u) => n + u.rows, 0);
    io.stderr.write(
      `Metrica accepted ${sent - result.notAccepted} of ${sent} rows sent: ${result.notAccepted} did not pass its checks ` +
        '(line_quantity). They are marked uploaded, as Metrica does not say which; `metrica-chats report` keeps the count.\n',
    );
  }
  return code;
}

/**
 * Rows held back in this run: each with its problems, and what clears the mark. Later runs skip
 * them without failing again, until the chat changes or a run asks for them with --retry-held.
 */
function printHeldBack(result: UploadResult, io: CliIO): void {
  if (result.held.length === 0) return;
  for (const h of result.held.slice(0, PROBLEMS_SHOWN)) {
    for (const problem of h.problems) io.stderr.write(`held back: ${describeProblem(problem)}\n`);
  }
  if (result.held.length > PROBLEMS_SHOWN) io.stderr.write(`… and ${result.held.length - PROBLEMS_SHOWN} more rows\n`);
  io.stderr.write(
    `${rowCount(result.held.length)} held back: not sent, because Metrica would refuse them; every valid row was sent. ` +
      'Later runs skip them until the chat is reported again (a changed row is checked again) or until ' +
      '`upload --retry-held`; `metrica-chats report` counts them.\n',
  );
}
