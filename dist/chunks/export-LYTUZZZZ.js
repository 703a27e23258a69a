#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-3R74WDCZ.js";
import "./chunk-IE5QZOVD.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-THAAWAOL.js";
import "./chunk-5GHHCO5G.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
