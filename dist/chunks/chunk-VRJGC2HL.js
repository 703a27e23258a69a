#!/usr/bin/env node

// src/cli/toolkit.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
var EXIT = {
  /** Done (also: nothing to do, a clean dry run). */
  ok: 0,
  /** Invalid rows: nothing was sent. */
  failed: 1,
  /** Usage: a wrong or missing option, value, file or database path. */
  usage: 2,
  /** Metrica refused the upload, or did not answer after retries. */
  api: 3,
  /** The database cannot be opened, created or reached, or its driver is missing. */
  database: 4,
  /** The address cannot be listened on: the port is in use or not permitted. */
  address: 5,
  /** Uploaded, but rows of the database were held back: they break a CHATS rule (listed on stderr). */
  heldBack: 6,
  /** Uploaded, but Metrica accepted fewer rows than were sent (`line_quantity`). */
  notAccepted: 7,
  /** An unexpected error: a bug. */
  internal: 70
};
var EXIT_MEANINGS = [
  [EXIT.ok, "done (also: nothing to do, a clean dry run)"],
  [EXIT.failed, "invalid rows: nothing was sent; each problem is listed"],
  [EXIT.usage, "usage: a wrong or missing option, value, token, file or database path"],
  [EXIT.api, "Metrica refused the upload, or it still failed after retries"],
  [EXIT.database, "the database cannot be opened, created or reached, or its driver is missing"],
  [EXIT.address, "the port is in use or not permitted"],
  [EXIT.heldBack, "uploaded, but rows that break a CHATS rule were held back"],
  [EXIT.notAccepted, "uploaded, but Metrica accepted fewer rows than were sent"],
  [EXIT.internal, "an unexpected error: a bug, please report it"]
];
var CliError = class extends Error {
  constructor(exit, message) {
    super(message);
    this.exit = exit;
  }
  exit;
  name = "CliError";
};
var UsageError = class extends CliError {
  name = "UsageError";
  constructor(message) {
    super(EXIT.usage, message);
  }
};
var DEFAULT_DB = "./metrica-chats.db";
var q = (value) => JSON.stringify(String(value));
var FAIL = {
  unknownOption: (flag, suggestion, known) => new UsageError(
    suggestion ? `Unknown option \`${flag}\`. Did you mean \`${suggestion}\`?` : `Unknown option \`${flag}\`. Expected one of: ${known.join(", ")}.`
  ),
  missingValue: (flag) => new UsageError(
    `\`${flag}\` needs a value, e.g. \`${flag} <value>\` (or \`${flag}=<value>\` when it starts with -).`
  ),
  noValue: (flag) => new UsageError(`\`${flag}\` takes no value; write \`${flag}\` alone.`),
  unexpectedArgument: (arg) => new UsageError(`Unexpected argument ${q(arg)}: this command takes only options (\`--name value\`).`),
  twoDatabases: (db, from) => new UsageError(
    `\`--db ${db}\` and \`--from ${from}\` both name the database (--from is the older name of --db); give one.`
  ),
  databaseMissing: (path, source) => new UsageError(
    `No database at ${path} (${source}). Expected the collector's SQLite file: check the path, or give it with --db <path> (or METRICA_CHATS_DB).`
  ),
  databaseUnusable: (reason) => new CliError(EXIT.database, `${reason} Choose another path with --db <path> (or METRICA_CHATS_DB).`),
  databaseUnreachable: (target, cause) => new CliError(
    EXIT.database,
    `Cannot reach the database ${target}: ${cause}. Check that the server runs and that the URL is right (--db or METRICA_CHATS_DB).`
  ),
  driverMissing: (message) => new CliError(EXIT.database, message),
  portInUse: (port, host, what, move) => new CliError(EXIT.address, `Port ${port} on ${host} (${what}) is already in use. ${move}`),
  portRefused: (port, host, what, cause, move) => new CliError(EXIT.address, `Cannot listen on ${host}:${port} (${what}): ${cause}. ${move}`),
  internal: (message) => new CliError(
    EXIT.internal,
    `Unexpected error: ${message}. This is a bug; please report it with the command you ran.`
  )
};
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j] + 1,
        row[j - 1] + 1,
        prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    prev = row;
  }
  return prev[b.length];
}
function suggestOption(flag, known) {
  const typed = flag.replace(/^-+/, "").toLowerCase();
  let best = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const option of known) {
    const name = option.replace(/^-+/, "");
    let score = Math.min(distance(typed, name), distance(typed.replace(/-/g, ""), name.replace(/-/g, "")));
    if (typed.length >= 3 && name.startsWith(typed)) score = Math.min(score, 1);
    if (score <= Math.max(1, Math.floor(name.length / 3)) && score < bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}
function explainParseError(error, options = {}) {
  const message = error.message ?? String(error);
  const code = error.code;
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? "";
  const known = Object.keys(options).map((name) => `--${name}`);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return FAIL.unknownOption(flag, suggestOption(flag, known), known);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(message)) return FAIL.noValue(flag);
    return FAIL.missingValue(flag);
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    return FAIL.unexpectedArgument(/Unexpected argument '([^']*)'/.exec(message)?.[1] ?? "");
  }
  return new UsageError(message);
}
function parseOptions(config) {
  try {
    return parseArgs(config);
  } catch (error) {
    throw explainParseError(error, config.options);
  }
}
function program(io) {
  return io.env.npm_command === "exec" || io.env.npm_command === "run-script" ? "npx metrica-chats" : "metrica-chats";
}
function helpText(io, text) {
  const name = program(io);
  return name === "metrica-chats" ? text : text.replace(/(^|[\s`])metrica-chats (?=[a-z<])/gm, `$1${name} `);
}
var DATABASE_OPTIONS = { db: { type: "string" }, from: { type: "string" } };
function chooseDatabase(values, io) {
  const { db, from } = values;
  if (db !== void 0 && from !== void 0 && db !== from) throw FAIL.twoDatabases(db, from);
  if (db !== void 0) return { target: db, source: "--db" };
  if (from !== void 0) return { target: from, source: "--from" };
  const env = io.env.METRICA_CHATS_DB?.trim();
  if (env) return { target: env, source: "METRICA_CHATS_DB" };
  return { target: DEFAULT_DB, source: "the default" };
}
function redactUrl(target) {
  return target.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}
var UNREACHABLE = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET", "EHOSTUNREACH"]);
function explainDatabaseError(error, target) {
  if (error instanceof CliError) return error;
  const e = error;
  if (e.name === "DatabasePathError") return FAIL.databaseUnusable(String(e.message));
  if (e.name === "MissingDriverError") return FAIL.driverMissing(String(e.message));
  const code = String(e.code ?? "");
  if (UNREACHABLE.has(code) || /^(08|28)/.test(code) || code === "3D000" || code === "57P03") {
    return FAIL.databaseUnreachable(redactUrl(target), e.message || code);
  }
  if (code.startsWith("SQLITE_")) return FAIL.databaseUnreachable(target, `${code}: ${e.message}`);
  return null;
}
async function openDatabase(choice, io, options) {
  const { isPostgresUrl, openStorage } = await import("./storage-3CAQKI6Z.js");
  const { target } = choice;
  if (!options.create && !isPostgresUrl(target) && target !== ":memory:") {
    const path = resolve(io.cwd, target);
    if (!existsSync(path)) throw FAIL.databaseMissing(path, `from ${choice.source}`);
  }
  try {
    return await openStorage(target, { cwd: io.cwd });
  } catch (error) {
    throw explainDatabaseError(error, target) ?? error;
  }
}
function explainListenError(error, where) {
  const code = error.code;
  const port = Number(error.port ?? where.port);
  if (code === "EADDRINUSE") return FAIL.portInUse(port, where.host, where.what, where.move);
  if (code === "EACCES" || code === "EPERM") {
    const cause = port < 1024 ? "ports below 1024 need root privileges" : "permission denied";
    return FAIL.portRefused(port, where.host, where.what, cause, where.move);
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return FAIL.portRefused(
      port,
      where.host,
      where.what,
      `${where.host} is not an address of this machine`,
      where.move
    );
  }
  return error;
}

export {
  EXIT,
  EXIT_MEANINGS,
  CliError,
  UsageError,
  DEFAULT_DB,
  FAIL,
  suggestOption,
  parseOptions,
  program,
  helpText,
  DATABASE_OPTIONS,
  chooseDatabase,
  explainDatabaseError,
  openDatabase,
  explainListenError
};
