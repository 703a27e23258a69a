import { removeTempDirsNow } from '../uploader/temp-dirs.js';
import { main } from './main.js';

// The thin entry: everything testable lives in main(); here only the real process is wired in.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // The first signal stops the command, which cleans up as it goes; a second one (an impatient
    // Ctrl-C) ends the process now, but not before the temporary CSV parts are gone.
    if (!controller.signal.aborted) return controller.abort(signal);
    removeTempDirsNow();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}
process.exitCode = await main({
  argv: process.argv,
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
