#!/usr/bin/env node
import {
  parseDuration
} from "./chunk-KM4NCDVJ.js";
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  DATABASE_OPTIONS,
  DEFAULT_DB,
  EXIT,
  UsageError,
  chooseDatabase,
  helpText,
  openDatabase
} from "./chunk-VRJGC2HL.js";

// src/cli/purge.ts
var PURGE_HELP = `Usage: metrica-chats purge --older-than <age> [--db <path|url>]

Deletes pairings received longer ago than <age>, and forgets the connector messages first seen
before then (a hash of each message ID). Chats, and the Metrica IDs already copied into them,
are kept.

Options:
  --older-than <age>   e.g. 90d, 12w, 36h (required)
  --db <path|url>      The collector's SQLite file or postgres:// URL (METRICA_CHATS_DB,
                       default ${DEFAULT_DB}); it must exist
  -h, --help           Show this help
`;
var purge = async (args, io) => {
  const { values } = parseCommandArgs({
    args,
    options: { "older-than": { type: "string" }, ...DATABASE_OPTIONS, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: false
  });
  if (values.help) {
    io.stdout.write(helpText(io, PURGE_HELP));
    return EXIT.ok;
  }
  if (!values["older-than"]) throw new UsageError("--older-than <age> is required, e.g. --older-than 90d");
  let age;
  try {
    age = parseDuration(values["older-than"], "--older-than");
  } catch (error) {
    throw new UsageError(error.message);
  }
  const storage = await openDatabase(chooseDatabase(values, io), io, { create: false });
  try {
    const before = Date.now() - age;
    const { pairings, webhookMessages } = await storage.purgeOlderThan(before);
    io.stdout.write(
      `Deleted ${pairings} pairing${pairings === 1 ? "" : "s"} received before ${new Date(before).toISOString()} and ${webhookMessages} connector message${webhookMessages === 1 ? "" : "s"} first seen before then.
`
    );
    return EXIT.ok;
  } finally {
    await storage.close();
  }
};
export {
  PURGE_HELP,
  purge
};
