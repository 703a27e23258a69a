#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-5CPWWSA6.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-4IXFYQWQ.js";
import "./chunk-SXDJP2AG.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
