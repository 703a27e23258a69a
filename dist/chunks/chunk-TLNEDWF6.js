#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-F7JTZJAC.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
