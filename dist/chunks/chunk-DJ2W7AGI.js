#!/usr/bin/env node
import {
  csvLines
} from "./chunk-BOWEE4IV.js";

// src/export/pending.ts
async function* exportPending(store, options = {}) {
  const records = (async function* () {
    for await (const p of store.pendingConversions(options.since === void 0 ? {} : { since: options.since })) {
      yield p.record;
    }
  })();
  yield* csvLines(records, { escapeFormulas: options.escapeFormulas === true });
}

export {
  exportPending
};
