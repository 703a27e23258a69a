#!/usr/bin/env node
import {
  removeTempDirsNow
} from "./chunks/chunk-KSOJ7EKS.js";
import {
  CliError,
  EXIT,
  EXIT_MEANINGS,
  FAIL,
  UsageError,
  explainDatabaseError,
  helpText,
  program,
  suggestOption
} from "./chunks/chunk-VRJGC2HL.js";

// src/cli/commands.ts
var COMMANDS = {
  serve: {
    summary: "Run the collector (pairings, chats, webhooks)",
    load: async () => (await import("./chunks/serve-WIAATIZE.js")).serve
  },
  purge: { summary: "Delete old pairings", load: async () => (await import("./chunks/purge-3HRKCE53.js")).purge },
  forget: {
    summary: "Delete everything stored about one person",
    load: async () => (await import("./chunks/forget-24QRGYO7.js")).forget
  },
  upload: {
    summary: "Validate chats and upload them to Metrica",
    load: async () => (await import("./chunks/upload-QLSBYKGB.js")).upload
  },
  export: {
    summary: "Write the CSV of chats not yet uploaded",
    load: async () => (await import("./chunks/export-QXUEL7YP.js")).exportCommand
  },
  report: {
    summary: "Show the chat yield and why chats went unattributed",
    load: async () => (await import("./chunks/report-3Q3JYN7W.js")).report
  },
  check: {
    summary: "Check a page: script, configuration, collector, CORS, content blockers",
    load: async () => (await import("./chunks/check-SXHSQZYY.js")).check
  },
  link: {
    summary: "Bridge links for ads and QR codes: write the QR code of /go/<name>",
    load: async () => (await import("./chunks/link-RNFOSWK6.js")).link
  },
  demo: {
    summary: "Run the whole flow on loopback with a demo site",
    load: async () => (await import("./chunks/demo-QIITIEOC.js")).demo
  }
};

// src/cli/main.ts
function help(io) {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return helpText(
    io,
    [
      "Usage: metrica-chats <command> [options]",
      "",
      "Commands:",
      ...lines,
      "",
      "Run `metrica-chats <command> --help` for the options of one command.",
      "",
      "Exit codes (the same in every command):",
      ...EXIT_MEANINGS.map(([code, meaning]) => `  ${String(code).padStart(2)}  ${meaning}`),
      ""
    ].join("\n")
  );
}
function explain(error) {
  if (error instanceof CliError) return error;
  const database = explainDatabaseError(error, "");
  if (database) return database;
  return FAIL.internal(error instanceof Error ? error.message : String(error));
}
async function main(io) {
  const [name, ...args] = io.argv.slice(2);
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(help(io));
    return name === void 0 ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const names = Object.keys(COMMANDS);
    const meant = suggestOption(name, names);
    io.stderr.write(
      `Unknown command \`${name}\`.${meant ? ` Did you mean \`${meant}\`?` : ""} Expected one of: ${names.join(", ")}.
Run \`${program(io)} --help\` for what each does.
`
    );
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    return await command(args, { ...io, runCli: main });
  } catch (error) {
    const failure = explain(error);
    io.stderr.write(`${program(io)} ${name}: ${failure.message}
`);
    if (failure instanceof UsageError) io.stderr.write(`Run \`${program(io)} ${name} --help\` for usage.
`);
    return failure.exit;
  }
}

// src/cli/bin.ts
var controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (!controller.signal.aborted) return controller.abort(signal);
    removeTempDirsNow();
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  });
}
process.exitCode = await main({
  argv: process.argv,
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal
});
