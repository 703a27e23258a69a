#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-VC4P62SJ.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
