import { rmSync } from 'node:fs';

/**
 * The temporary folders of CSV parts that exist right now. A second Ctrl-C ends the process at
 * once, before any asynchronous cleanup can run; it removes these synchronously first, so no copy
 * of the chats (phone numbers among them) is left behind in the temp folder.
 */
const live = new Set<string>();

/** Records a temporary folder until `forgetTempDir` is called for it. */
export function rememberTempDir(dir: string): void {
  live.add(dir);
}

/** The folder is removed (or about to be, by its owner): nothing left for the last resort. */
export function forgetTempDir(dir: string): void {
  live.delete(dir);
}

/** Removes every temporary folder still recorded, synchronously. Resolves to how many. */
export function removeTempDirsNow(): number {
  let removed = 0;
  for (const dir of live) {
    rmSync(dir, { recursive: true, force: true });
    live.delete(dir);
    removed++;
  }
  return removed;
}
