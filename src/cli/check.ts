import { resolve } from 'node:path';
import { FILTER_LIST_URLS, type FilterListSource, loadFilterLists } from '../check/filters.js';
import { formatCheck } from '../check/report-text.js';
import { checkInstallation } from '../check/run.js';
import { type CliIO, type Command, EXIT, parseCommandArgs, UsageError } from './io.js';

export const CHECK_HELP = `Usage: metrica-chats check <page-url> [options]

Checks an installed site, as a visitor's browser would meet it: fetches the page (following
redirects), finds the script tag or the Google Tag Manager loader and its configuration, then
checks one line each, with what to do when one fails:
  the script file loads; the configuration is valid; the collector endpoint answers; it allows
  the page's origin (CORS); the script and endpoint are not on the content blockers' lists.
Nothing is written to the collector.

Options:
  --filter-lists <dir>  Folder of filter lists (.txt, Adblock Plus syntax) to check against
                        (METRICA_CHATS_FILTER_LISTS; default: download EasyList, EasyPrivacy and
                        uBlock Origin's lists)
  --timeout <seconds>   Per request (default 10)
  --json                Print the result as JSON
  -h, --help            Show this help

Exit codes: 0 every check passed, 1 a check failed, 2 usage.
`;

/** Where the filter lists come from: the folder given, else the blockers' own download URLs. */
export function filterListSource(dir: string | undefined, cwd: string): FilterListSource {
  return dir ? { dir: resolve(cwd, dir) } : { urls: FILTER_LIST_URLS };
}

export const check: Command = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      'filter-lists': { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'Give the URL of a page with the script, e.g. metrica-chats check https://example.com/landing'
        : `Expected one page URL, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  const timeout = values.timeout ?? '10';
  if (!/^\d{1,3}$/.test(timeout) || Number(timeout) === 0) {
    throw new UsageError(`--timeout must be a number of seconds from 1 to 999, got ${JSON.stringify(timeout)}`);
  }
  const source = filterListSource(values['filter-lists'] ?? io.env.METRICA_CHATS_FILTER_LISTS, io.cwd);
  let report: Awaited<ReturnType<typeof checkInstallation>>;
  try {
    report = await checkInstallation(positionals[0] as string, {
      filters: () => loadFilterLists(source),
      timeoutMs: Number(timeout) * 1000,
    });
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
  io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheck(report));
  return report.ok ? EXIT.ok : EXIT.failed;
};
