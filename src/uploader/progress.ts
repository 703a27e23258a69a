/**
 * Progress through a large input on stderr: a bar redrawn in place on a terminal, a line every
 * 10 % otherwise (logs and CI keep every line, so redrawing would only flood them).
 */

/** Files smaller than this finish before progress would be worth showing. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

export interface Progress {
  update(bytes: number): void;
  done(): void;
}

const BAR_WIDTH = 30;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Renders the bar line for a terminal; pure, for tests. */
export function renderBar(label: string, bytes: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, bytes / total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const percent = String(Math.floor(ratio * 100)).padStart(3);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${percent}% ${mb(bytes)} / ${mb(total)}`;
}

export function createProgress(
  label: string,
  total: number,
  out: { write(chunk: string): unknown; isTTY?: boolean },
): Progress {
  if (total < PROGRESS_MIN_BYTES) return { update() {}, done() {} };
  let lastStep = -1;
  let lastDraw = 0;
  let finished = false;
  return {
    update(bytes) {
      if (finished) return;
      if (out.isTTY) {
        // Redraw at most ten times a second: a terminal write per row would cost more than the work.
        const now = Date.now();
        if (now - lastDraw < 100) return;
        lastDraw = now;
        out.write(`\r${renderBar(label, bytes, total)}`);
        return;
      }
      const step = Math.floor((Math.min(bytes, total) / total) * 10);
      if (step > lastStep && step < 10) {
        lastStep = step;
        out.write(`${label}: ${step * 10}% (${mb(bytes)} of ${mb(total)})\n`);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      out.write(out.isTTY ? `\r${renderBar(label, total, total)}\n` : `${label}: 100% (${mb(total)})\n`);
    },
  };
}
