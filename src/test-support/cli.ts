import { type CliRun, type CliRunOptions, captureCli, startCli } from '../cli/in-process.js';
import { main } from '../cli/main.js';

/** Test support: the `metrica-chats` command line run in this process, as a user would type it. */
export const runCli = (argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> =>
  captureCli(main, argv, options);

/** The same, for a long-running command (serve): read `output` while it runs, await `exit`. */
export const startCliInProcess = (argv: readonly string[], options: CliRunOptions = {}) =>
  startCli(main, argv, options);
