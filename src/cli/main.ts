import { COMMANDS } from './commands.js';
import { type CliIO, EXIT, UsageError } from './io.js';

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: metrica-chats <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `metrica-chats <command> --help` for the options of one command.',
    '',
  ].join('\n');
}

/** Runs the CLI for the given process-like object and returns the exit code. */
export async function main(io: CliIO): Promise<number> {
  const [name, ...args] = io.argv.slice(2);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`Unknown command \`${name}\`. Expected one of: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    return await command(args, { ...io, runCli: main });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\nRun \`metrica-chats ${name} --help\` for usage.\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`metrica-chats ${name}: ${message}\n`);
    return EXIT.failed;
  }
}
