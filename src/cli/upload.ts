import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { uploadCommentVerdict } from '../domain/index.js';
import { CSV_COLUMNS, type CsvColumn } from '../shared/conversion.js';
import type { ConversionStore } from '../storage/contract.js';
import { DEFAULT_API_URL, type MetricaClientOptions, type WaitOptions } from '../uploader/client.js';
import { MetricaApiError, MetricaNetworkError } from '../uploader/errors.js';
import { type UploadResult, uploadPending, uploadRows } from '../uploader/job.js';
import { ProblemLog } from '../uploader/prepare.js';
import { createProgress } from '../uploader/progress.js';
import { readCsv } from '../uploader/read-csv.js';
import { type CliIO, type Command, EXIT, parseCommandArgs, UsageError } from './io.js';
import { apiUrlOption, counterOption, metricaClient, tokenFromEnv } from './metrica-options.js';
import { chooseDatabase, DATABASE_OPTIONS, helpText, openDatabase } from './toolkit.js';
import { afterFailure, printUploadResult, rowCount } from './upload-report.js';

export const UPLOAD_HELP = `Usage: metrica-chats upload --counter <id> (<file.csv> | --db <path|url>) [options]

Validates chats and uploads them to Yandex Metrica as CHATS offline conversions.

  <file.csv>         A CHATS CSV, made by this tool or elsewhere (comma-separated, UTF-8, a BOM is fine)
  --db <path|url>    The collector's database (SQLite file or postgres:// URL): uploads the chats that
                     are new or changed since their last upload and marks them with the upload ID
                     (--from is the same option's older name)

Options:
  --counter <id>     Metrica counter (tag) ID, digits (required)
  --comment <text>   Note shown in Metrica's upload list: at most 255 digits, Latin or Cyrillic
                     letters and spaces (Metrica refuses other characters)
  --dry-run          Validate and print the summary (rows, attributed, unattributed, per platform);
                     send nothing
  --wait             Wait until Metrica has processed the upload and print what it reported
  --retry-held       With --from: check the rows held back by earlier runs again (after an upgrade
                     of this tool, say); they are otherwise skipped until the chat changes
  --api-url <url>    API base URL (METRICA_API_URL, default ${DEFAULT_API_URL})
  --json             Print the result as one JSON object on stdout
  -h, --help         Show this help

Environment:
  YANDEX_METRICA_TOKEN  OAuth token with the metrika:offline_data scope (not needed for --dry-run);
                        never printed
  METRICA_CHATS_DEBUG   Set to 1 to log each API request (method, path, status) on stderr

Exit codes: 0 uploaded (or nothing to upload, or a clean dry run), 1 validation errors in a CSV
file (nothing was sent), 2 usage, 3 Metrica refused the upload or it failed after retries,
6 uploaded but rows of the database were held back (they break a CHATS rule; listed on stderr),
7 uploaded but Metrica accepted fewer rows than were sent (line_quantity).
`;

/** A wait as a person reads it. */
const seconds = (ms: number): string =>
  ms < 1000 ? `${ms} ms` : ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;

/** While --wait polls: a line on stderr whenever an upload's status changes, with the time. */
function waitingLine(io: CliIO): (u: { id: string | number; status: string }) => void {
  const last = new Map<string, string>();
  return (u) => {
    if (last.get(String(u.id)) === u.status || u.status === 'PROCESSED' || u.status === 'LINKAGE_FAILURE') return;
    last.set(String(u.id), u.status);
    io.stderr.write(
      `Upload ${u.id}: ${u.status} at ${new Date().toISOString().slice(11, 19)} UTC; waiting for Metrica…\n`,
    );
  };
}

/** What tests may change: backoff and polling delays, so they run in milliseconds. */
export interface UploadCommandDeps {
  client?: Partial<Omit<MetricaClientOptions, 'token' | 'apiUrl'>>;
  wait?: WaitOptions;
  maxPartBytes?: number;
}

function parse(args: string[]) {
  return parseCommandArgs({
    args,
    options: {
      counter: { type: 'string' },
      ...DATABASE_OPTIONS,
      comment: { type: 'string' },
      'dry-run': { type: 'boolean' },
      wait: { type: 'boolean' },
      'retry-held': { type: 'boolean' },
      'api-url': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
}

export function createUploadCommand(deps: UploadCommandDeps = {}): Command {
  return async (args: string[], io: CliIO): Promise<number> => {
    const { values, positionals } = parse(args);
    if (values.help) {
      io.stdout.write(helpText(io, UPLOAD_HELP));
      return EXIT.ok;
    }
    const counterId = counterOption(values.counter);
    if (positionals.length > 1)
      throw new UsageError(`Expected one CSV file, got ${positionals.length}: ${positionals.join(' ')}.`);
    const file = positionals[0];
    const database = values.db ?? values.from;
    if ((file === undefined) === (database === undefined)) {
      throw new UsageError('Give either a CSV file or `--db <path|url>` (one of them, not both).');
    }
    const comment = values.comment;
    const commentVerdict = comment === undefined ? null : uploadCommentVerdict(comment);
    if (commentVerdict) {
      throw new UsageError(
        `\`--comment\` must be ${commentVerdict.expected}${commentVerdict.hint ? ` (${commentVerdict.hint})` : ''}; Metrica refuses anything else.`,
      );
    }
    const apiUrl = apiUrlOption(values['api-url'], io.env);
    const dryRun = values['dry-run'] === true;
    const token = tokenFromEnv(io.env);
    if (!dryRun && token === '') {
      throw new UsageError(
        'YANDEX_METRICA_TOKEN is not set: export an OAuth token with the metrika:offline_data scope (or use --dry-run).',
      );
    }
    const json = values.json === true;
    const debug =
      io.env.METRICA_CHATS_DEBUG === '1' ? (line: string) => io.stderr.write(`debug: ${line}\n`) : undefined;
    const client = metricaClient({
      // A dry run sends nothing; the client only needs some token to be constructed.
      token: dryRun ? 'dry-run' : token,
      apiUrl,
      ...(debug ? { debug } : {}),
      // No silent minutes: each retry says what failed and when the next try is (stderr, so
      // that --json output stays one object).
      onRetry: (e) =>
        io.stderr.write(
          `${e.error.message} (attempt ${e.attempt} of ${e.attempts}); trying again in ${seconds(e.delayMs)}.\n`,
        ),
      ...deps.client,
    });
    // Parts Metrica accepted (and, with --from, whose rows are marked) before any later failure.
    const accepted: Array<{ id: string; rows: number; of: number }> = [];
    const jobOptions = {
      client,
      counterId,
      comment,
      dryRun,
      wait: values.wait ? (deps.wait ?? true) : false,
      maxPartBytes: deps.maxPartBytes,
      signal: io.signal,
      onStatus: waitingLine(io),
      onUploaded: (u: { id: string; status: string }, part: { index: number; of: number; rows: number }) => {
        accepted.push({ id: u.id, rows: part.rows, of: part.of });
        if (!json) {
          const of = part.of > 1 ? ` (part ${part.index + 1} of ${part.of})` : '';
          io.stdout.write(
            `Uploaded ${rowCount(part.rows)} to counter ${counterId}${of}: upload ${u.id}, status ${u.status}\n`,
          );
        }
      },
    };

    const source = file ?? String(database);
    let result: UploadResult;
    let store: ConversionStore | null = null;
    try {
      if (file !== undefined) {
        const path = resolve(io.cwd, file);
        let size: number;
        try {
          const s = await stat(path);
          if (!s.isFile()) throw new Error('not a file');
          size = s.size;
        } catch {
          throw new UsageError(`Cannot read the CSV file ${JSON.stringify(file)}: no such file.`);
        }
        const progress = createProgress(`Reading ${basename(path)}`, size, io.stderr);
        const problems = new ProblemLog();
        let columns: readonly CsvColumn[] = CSV_COLUMNS;
        const rows = readCsv(createReadStream(path), {
          onProblem: (i) => problems.add(i),
          // The file's own columns go to Metrica, in the contract order.
          onHeader: (c) => {
            columns = CSV_COLUMNS.filter((k) => c.includes(k));
          },
          onBytes: (b) => progress.update(b),
        });
        result = await uploadRows(rows, { ...jobOptions, problems, columns: () => columns });
        progress.done();
      } else {
        store = await openDatabase(chooseDatabase(values, io), io, { create: false });
        result = await uploadPending(store, { ...jobOptions, includeHeld: values['retry-held'] === true });
      }
    } catch (error) {
      if (!(error instanceof MetricaApiError || error instanceof MetricaNetworkError)) throw error;
      const pending = afterFailure(accepted, file === undefined);
      if (json) {
        io.stdout.write(
          `${JSON.stringify({
            status: 'failed',
            counterId,
            source,
            uploads: accepted.map(({ id, rows }) => ({ id, rows })),
            error: {
              message: error.message,
              ...(error instanceof MetricaApiError
                ? {
                    status: error.status,
                    code: error.code,
                    error_type: error.error_type,
                    metricaMessage: error.metricaMessage,
                  }
                : { code: error.code }),
            },
          })}\n`,
        );
      }
      io.stderr.write(`metrica-chats upload: ${error.message}.${pending}\n`);
      return EXIT.api;
    } finally {
      await store?.close();
    }
    return printUploadResult(result, { io, json, source, counterId, isFile: file !== undefined });
  };
}

export const upload: Command = createUploadCommand();
