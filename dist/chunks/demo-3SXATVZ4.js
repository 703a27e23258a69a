#!/usr/bin/env node
import {
  EXIT,
  UsageError,
  parseCommandArgs
} from "./chunk-THAAWAOL.js";

// src/cli/demo.ts
import { join } from "node:path";

// src/cli/in-process.ts
function startCli(run, argv, options = {}) {
  const output = { stdout: "", stderr: "", out: "" };
  const sink = (stream) => ({
    write(chunk) {
      output[stream] += chunk;
      output.out += chunk;
      return true;
    }
  });
  const exit = run({
    argv: ["node", "metrica-chats", ...argv],
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stdout: sink("stdout"),
    stderr: sink("stderr"),
    ...options.signal ? { signal: options.signal } : {}
  });
  return { output, exit };
}
async function captureCli(run, argv, options = {}) {
  const { output, exit } = startCli(run, argv, options);
  const code = await exit;
  return { code, ...output };
}

// src/cli/demo.ts
var HELP = `Usage: metrica-chats demo [options]

Starts the whole flow on loopback: the collector on SQLite, a fake Metrica API and a demo site
showing the three ways in (script tag, GTM, SPA). Ctrl-C stops everything; the data stays for the
next run.

Options:
  --data <dir>      Folder for the demo's SQLite database (default: .data/demo)
  --port <n>        Port of the demo site (default: 8080; 0 picks a free one)
  --host <host>     Address to bind (default: 127.0.0.1)
  -h, --help        Show this help
`;
function port(value, fallback, flag) {
  if (value === void 0) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`\`${flag}\` must be a port from 0 to 65535, got ${JSON.stringify(value)}`);
  return n;
}
async function demo(args, io) {
  const { values } = parseCommandArgs({
    args,
    options: {
      data: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      help: { type: "boolean", short: "h" }
    },
    strict: true
  });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const sitePort = port(values.port, 8080, "--port");
  const dataDir = values.data ?? join(io.cwd, ".data", "demo");
  const { startDemo } = await import("./server-F5RE7ZX5.js");
  const runCli = io.runCli;
  if (!runCli) throw new Error("the demo runs commands through main(); start it with `metrica-chats demo`");
  const running = await startDemo({
    dataDir,
    runCli: (argv, env) => captureCli(runCli, argv, { env, cwd: process.cwd() }),
    host: values.host ?? "127.0.0.1",
    sitePort,
    collectorPort: sitePort === 0 ? 0 : sitePort + 1,
    metricaPort: sitePort === 0 ? 0 : sitePort + 2
  });
  io.stdout.write(
    [
      "metrica-chats demo is running.",
      "",
      `  Demo site          ${running.siteUrl}/            (script tag)`,
      `                     ${running.siteUrl}/gtm/        (GTM Custom HTML)`,
      `                     ${running.siteUrl}/spa/        (SPA, npm import)`,
      `  Land from an ad    ${running.siteUrl}/?yclid=5882301234567890123`,
      `  Collector          ${running.collectorUrl}  (SQLite: ${running.dbPath})`,
      `  Fake Metrica API   ${running.metricaUrl}`,
      "",
      "Next: open the demo site, click a messenger link (the pairing is sent first), then in the",
      '"Messenger side" panel send that message as the bot or CRM would, upload, and read the report.',
      "The same upload from a terminal:",
      `  ${running.uploadCommand}`,
      `  npx metrica-chats report --from ${running.dbPath}`,
      "",
      "Press Ctrl-C to stop.",
      ""
    ].join("\n")
  );
  await new Promise((resolveStop) => {
    if (!io.signal || io.signal.aborted) return resolveStop();
    io.signal.addEventListener("abort", () => resolveStop(), { once: true });
  });
  await running.close();
  io.stdout.write(`demo stopped; data kept in ${dataDir}
`);
  return EXIT.ok;
}
export {
  demo
};
