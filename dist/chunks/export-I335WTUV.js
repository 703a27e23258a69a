#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-AXAWEOSC.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-SUVALIIF.js";
import "./chunk-3WZKUSMG.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
