#!/usr/bin/env node
import {
  main
} from "./chunks/chunk-CTFXBPX5.js";
import "./chunks/chunk-THAAWAOL.js";

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
