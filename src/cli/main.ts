import { COMMANDS } from './commands.js';
import type { CliIO } from './io.js';
import {
  CliError,
  EXIT,
  EXIT_MEANINGS,
  explainDatabaseError,
  FAIL,
  helpText,
  program,
  suggestOption,
  UsageError,
} from './toolkit.js';

function help(io: CliIO): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return helpText(
    io,
    [
      'Usage: metrica-chats <command> [options]',
      '',
      'Commands:',
      ...lines,
      '',
      'Run `metrica-chats <command> --help` for the options of one command.',
      '',
      'Exit codes (the same in every command):',
      ...EXIT_MEANINGS.map(([code, meaning]) => `  ${String(code).padStart(2)}  ${meaning}`),
      '',
    ].join('\n'),
  );
}

/** Any error a command let through, as the user's message and exit code. */
function explain(error: unknown): CliError {
  if (error instanceof CliError) return error;
  const database = explainDatabaseError(error, '');
  if (database) return database;
  return FAIL.internal(error instanceof Error ? error.message : String(error));
}

/** Runs the CLI for the given process-like object and returns the exit code. */
export async function main(io: CliIO): Promise<number> {
  const [name, ...args] = io.argv.slice(2);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help(io));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const names = Object.keys(COMMANDS);
    const meant = suggestOption(name, names);
    io.stderr.write(
      `Unknown command \`${name}\`.${meant ? ` Did you mean \`${meant}\`?` : ''} Expected one of: ${names.join(', ')}.\n` +
        `Run \`${program(io)} --help\` for what each does.\n`,
    );
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    return await command(args, { ...io, runCli: main });
  } catch (error) {
    const failure = explain(error);
    io.stderr.write(`${program(io)} ${name}: ${failure.message}\n`);
    if (failure instanceof UsageError) io.stderr.write(`Run \`${program(io)} ${name} --help\` for usage.\n`);
    return failure.exit;
  }
}
