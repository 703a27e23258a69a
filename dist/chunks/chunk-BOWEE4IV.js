#!/usr/bin/env node
import {
  CSV_COLUMNS
} from "./chunk-5GHHCO5G.js";

// src/export/csv.ts
var EOL = "\n";
var ALWAYS_QUOTED = /* @__PURE__ */ new Set(["ChatUsername", "PhoneNumber", "Tag"]);
var FORMULA_START = /^[=+\-@\t\r]/;
function csvField(value, force = false) {
  if (value === "") return "";
  if (force || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}
function escapeFormula(value) {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
function csvHeader(columns = CSV_COLUMNS) {
  return columns.join(",") + EOL;
}
function csvLine(record, columns = CSV_COLUMNS, guardFormulas = false) {
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    let value = record[column] ?? "";
    if (guardFormulas) value = escapeFormula(value);
    if (i > 0) line += ",";
    line += csvField(value, ALWAYS_QUOTED.has(column));
  }
  return line + EOL;
}
async function* csvLines(records, options = {}) {
  const columns = options.columns ?? CSV_COLUMNS;
  checkColumns(columns);
  const guard = options.escapeFormulas === true;
  yield csvHeader(columns);
  for await (const record of records) yield csvLine(record, columns, guard);
}
function checkColumns(columns) {
  const known = new Set(CSV_COLUMNS);
  const seen = /* @__PURE__ */ new Set();
  for (const column of columns) {
    if (!known.has(column)) {
      throw new TypeError(`Unknown CSV column \`${column}\`. Expected one of: ${CSV_COLUMNS.join(", ")}.`);
    }
    if (seen.has(column)) throw new TypeError(`CSV column \`${column}\` is listed twice.`);
    seen.add(column);
  }
}

export {
  EOL,
  csvField,
  escapeFormula,
  csvHeader,
  csvLine,
  csvLines
};
