#!/usr/bin/env node
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  EXIT,
  UsageError,
  explainListenError,
  helpText,
  program
} from "./chunk-VRJGC2HL.js";

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
  --port <n>        Port of the demo site (default: 8080); the collector takes n+1 and the fake
                    Metrica API n+2; 0 picks three free ones
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
    io.stdout.write(helpText(io, HELP));
    return EXIT.ok;
  }
  const sitePort = port(values.port, 8080, "--port");
  const dataDir = values.data ?? join(io.cwd, ".data", "demo");
  const { startDemo } = await import("./server-HEXGJ3CB.js");
  const runCli = io.runCli;
  if (!runCli) throw new Error("the demo runs commands through main(); start it with `metrica-chats demo`");
  const host = values.host ?? "127.0.0.1";
  const running = await startDemo({
    dataDir,
    runCli: (argv, env) => captureCli(runCli, argv, { env, cwd: process.cwd() }),
    host,
    sitePort,
    collectorPort: sitePort === 0 ? 0 : sitePort + 1,
    metricaPort: sitePort === 0 ? 0 : sitePort + 2
  }).catch((error) => {
    const port2 = Number(error.port);
    const what = port2 === sitePort + 1 ? "the demo's collector, --port + 1" : port2 === sitePort + 2 ? "the demo's fake Metrica API, --port + 2" : "the demo site, --port";
    throw explainListenError(error, {
      port: sitePort,
      host,
      what,
      move: `The demo uses three ports in a row: move them all with --port <n> (n, n+1, n+2), or --port 0 to pick free ones.`
    });
  });
  const cli = program(io);
  io.stdout.write(
    [
      "metrica-chats demo is running.",
      "",
      `  Demo site          ${running.siteUrl}/            (script tag)`,
      `                     ${running.siteUrl}/gtm/        (GTM Custom HTML)`,
      `                     ${running.siteUrl}/spa/        (SPA, npm import)`,
      `  Land from an ad    ${running.siteUrl}/?yclid=5882301234567890123`,
      `  Collector          ${running.collectorUrl}/healthz  (SQLite: ${running.dbPath})`,
      `  Fake Metrica API   ${running.metricaUrl}/  (the uploads it received)`,
      "",
      "Next: open the demo site and click a messenger link. The demo stays on the page, shows the URL",
      'the visitor would open and fills the "Messenger side" form; send it as the bot or CRM would,',
      "then upload and read the report.",
      "",
      "The README's curl examples work against the demo's collector with:",
      `  COLLECTOR=${running.collectorUrl}`,
      `  KEY=${running.apiKey}                   # API key (METRICA_CHATS_API_KEYS)`,
      `  SECRET=${running.webhookSecret}         # webhook secret: $COLLECTOR/v1/webhooks/telegram/$SECRET`,
      "",
      "The same upload and report from a terminal:",
      `  ${running.uploadCommand.replace("npx metrica-chats", cli)}`,
      `  ${cli} report --db ${running.dbPath}`,
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
