#!/usr/bin/env node
import {
  validateHeader
} from "./chunk-SLN3KFK4.js";

// src/uploader/read-csv.ts
import { parse } from "csv-parse";
async function* readCsv(input, options) {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const source = input;
  const feed = (async () => {
    try {
      for await (const chunk of source) {
        if (parser.destroyed) return;
        if (!parser.write(chunk)) {
          await new Promise((resolve) => {
            parser.once("drain", resolve);
            parser.once("close", resolve);
          });
        }
      }
      if (!parser.destroyed) parser.end();
    } catch (error) {
      parser.destroy(error);
    }
  })();
  let header = null;
  let drift = 0;
  try {
    for await (const { record, info } of parser) {
      let real = 0;
      let counted = 0;
      for (const field of record) {
        real += field.match(/\r\n|\r|\n/g)?.length ?? 0;
        counted += field.match(/[\r\n]/g)?.length ?? 0;
      }
      drift += counted - real;
      const line = info.lines - drift - real;
      options.onBytes?.(info.bytes);
      if (header === null) {
        const { columns, problems } = validateHeader(record);
        for (const problem of problems) options.onProblem(problem);
        const known = new Set(columns);
        header = record.map((name) => known.has(name) ? name : null);
        options.onHeader?.(columns);
        continue;
      }
      if (record.length !== header.length) {
        options.onProblem({
          line,
          column: "*",
          value: "",
          message: `has ${record.length} fields, but the header has ${header.length}`
        });
        continue;
      }
      const row = {};
      let decodable = true;
      for (let i = 0; i < header.length; i++) {
        const column = header[i];
        const value = record[i];
        if (column && value.includes("\uFFFD")) {
          decodable = false;
          options.onProblem({
            line,
            column,
            value,
            message: "is not UTF-8 text; save the file as UTF-8 (Metrica reads only UTF-8)"
          });
        }
        if (column && value !== "") row[column] = value;
      }
      if (!decodable) continue;
      yield { line, record: row };
    }
  } catch (error) {
    const e = error;
    if (!e.code?.startsWith("CSV_") && !e.code?.startsWith("INVALID_")) throw error;
    options.onProblem({ line: e.lines ?? 0, column: "*", value: "", message: `malformed CSV: ${e.message}` });
  } finally {
    if (!parser.readableEnded) parser.destroy();
    await feed;
  }
  if (header === null) options.onProblem({ line: 1, column: "*", value: "", message: "the file is empty" });
}

export {
  readCsv
};
