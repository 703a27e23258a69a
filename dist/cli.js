#!/usr/bin/env node
import {
  EXIT,
  UsageError
} from "./chunks/chunk-THAAWAOL.js";

// src/cli/commands.ts
var COMMANDS = {
  serve: {
    summary: "Run the collector (pairings, chats, webhooks)",
    load: async () => (await import("./chunks/serve-Y2CDAF6U.js")).serve
  },
  purge: { summary: "Delete old pairings", load: async () => (await import("./chunks/purge-GG2VNO4R.js")).purge },
  forget: {
    summary: "Delete everything stored about one person",
    load: async () => (await import("./chunks/forget-GKTBXNGX.js")).forget
  },
  upload: {
    summary: "Validate chats and upload them to Metrica",
    load: async () => (await import("./chunks/upload-XUIZTYI3.js")).upload
  },
  export: {
    summary: "Write the CSV of chats not yet uploaded",
    load: async () => (await import("./chunks/export-TLLFIQYX.js")).exportCommand
  },
  report: {
    summary: "Show the chat yield and why chats went unattributed",
    load: async () => (await import("./chunks/report-FSQ2LQ4U.js")).report
  },
  check: {
    summary: "Check a page: script, configuration, collector, CORS, content blockers",
    load: async () => (await import("./chunks/check-VNC7P636.js")).check
  },
  link: {
    summary: "Bridge links for ads and QR codes: write the QR code of /go/<name>",
    load: async () => (await import("./chunks/link-P4REPWYC.js")).link
  },
  demo: {
    summary: "Run the whole flow on loopback with a demo site",
    load: async () => (await import("./chunks/demo-3SXATVZ4.js")).demo
  }
};

// src/cli/main.ts
function help() {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: metrica-chats <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `metrica-chats <command> --help` for the options of one command.",
    ""
  ].join("\n");
}
async function main(io) {
  const [name, ...args] = io.argv.slice(2);
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(help());
    return name === void 0 ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`Unknown command \`${name}\`. Expected one of: ${Object.keys(COMMANDS).join(", ")}.
`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    return await command(args, { ...io, runCli: main });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}
Run \`metrica-chats ${name} --help\` for usage.
`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`metrica-chats ${name}: ${message}
`);
    return EXIT.failed;
  }
}

// src/cli/bin.ts
var controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => controller.abort(signal));
}
process.exitCode = await main({
  argv: process.argv,
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal
});
