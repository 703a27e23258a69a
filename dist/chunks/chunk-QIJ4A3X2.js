#!/usr/bin/env node

// src/uploader/open-database.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
var DatabaseNotFoundError = class extends Error {
  name = "DatabaseNotFoundError";
};
async function openCollectorStorage(target, cwd) {
  const { isPostgresUrl, openStorage } = await import("./storage-NWA6RCJN.js");
  if (!isPostgresUrl(target) && target !== ":memory:" && !existsSync(resolve(cwd, target))) {
    throw new DatabaseNotFoundError(
      `No database at ${resolve(cwd, target)}; expected the collector's SQLite file or a postgres:// URL.`
    );
  }
  return openStorage(target, { cwd });
}
function openConversionStore(target, cwd) {
  return openCollectorStorage(target, cwd);
}

export {
  DatabaseNotFoundError,
  openCollectorStorage,
  openConversionStore
};
