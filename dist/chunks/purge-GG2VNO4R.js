#!/usr/bin/env node
import {
  parseDuration
} from "./chunk-KM4NCDVJ.js";
import {
  openStorage
} from "./chunk-YHN2F4TI.js";
import "./chunk-ITWH7KDP.js";
import "./chunk-5GHHCO5G.js";
import {
  EXIT,
  UsageError,
  parseCommandArgs
} from "./chunk-THAAWAOL.js";

// src/cli/purge.ts
var PURGE_HELP = `Usage: metrica-chats purge --older-than <age> [--db <path|url>]

Deletes pairings received longer ago than <age>. Chats, and the Metrica IDs already copied into
them, are kept.

Options:
  --older-than <age>   e.g. 90d, 12w, 36h (required)
  --db <path|url>      SQLite file or postgres:// URL (METRICA_CHATS_DB, default ./metrica-chats.db)
  -h, --help           Show this help
`;
var purge = async (args, io) => {
  const { values } = parseCommandArgs({
    args,
    options: { "older-than": { type: "string" }, db: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: false
  });
  if (values.help) {
    io.stdout.write(PURGE_HELP);
    return EXIT.ok;
  }
  if (!values["older-than"]) throw new UsageError("--older-than <age> is required, e.g. --older-than 90d");
  let age;
  try {
    age = parseDuration(values["older-than"], "--older-than");
  } catch (error) {
    throw new UsageError(error.message);
  }
  const storage = await openStorage(values.db ?? io.env.METRICA_CHATS_DB ?? "./metrica-chats.db", { cwd: io.cwd });
  try {
    const before = Date.now() - age;
    const count = await storage.purgePairings(before);
    io.stdout.write(
      `Deleted ${count} pairing${count === 1 ? "" : "s"} received before ${new Date(before).toISOString()}.
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
