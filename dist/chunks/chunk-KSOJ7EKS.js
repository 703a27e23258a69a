#!/usr/bin/env node

// src/uploader/temp-dirs.ts
import { rmSync } from "node:fs";
var live = /* @__PURE__ */ new Set();
function rememberTempDir(dir) {
  live.add(dir);
}
function forgetTempDir(dir) {
  live.delete(dir);
}
function removeTempDirsNow() {
  let removed = 0;
  for (const dir of live) {
    rmSync(dir, { recursive: true, force: true });
    live.delete(dir);
    removed++;
  }
  return removed;
}

export {
  rememberTempDir,
  forgetTempDir,
  removeTempDirsNow
};
