#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-V6T6VXTH.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
