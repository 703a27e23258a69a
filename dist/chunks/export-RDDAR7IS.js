#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-AD43QSHJ.js";
import "./chunk-YSSLYQHB.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-THAAWAOL.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
