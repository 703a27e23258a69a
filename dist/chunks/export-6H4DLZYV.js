#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-7D4BKJOD.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-VBFCMOBH.js";
import "./chunk-VC4P62SJ.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
