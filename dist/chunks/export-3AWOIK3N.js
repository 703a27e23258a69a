#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-Q6WKYETQ.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-XQGAFPKB.js";
import "./chunk-442XRFQP.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
