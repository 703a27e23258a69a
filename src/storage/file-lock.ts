import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Whether a process with this ID runs (EPERM: it runs under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A named lock for the processes sharing one SQLite file (which are on one host): a file
 * `<db>.<name>.lock` created exclusively, holding the holder's process ID. A file left by a
 * process that no longer runs is taken over. An in-memory database is this process's alone, so
 * `held` (per connection) is the lock there.
 */
export async function tryFileLock(
  dbPath: string,
  name: string,
  held: Set<string>,
): Promise<(() => Promise<void>) | null> {
  if (dbPath === ':memory:') {
    if (held.has(name)) return null;
    held.add(name);
    return async () => void held.delete(name);
  }
  const file = `${dbPath}.${name}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return async () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid: number;
    try {
      pid = Number(readFileSync(file, 'utf8').trim());
    } catch {
      continue; // released in the meantime
    }
    // This process's own file: another collector in this process holds it.
    if (pid === process.pid || (pid > 0 && alive(pid))) return null;
    rmSync(file, { force: true });
  }
  return null;
}
