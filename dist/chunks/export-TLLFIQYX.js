#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-4D27BE6Q.js";
import "./chunk-QIJ4A3X2.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-THAAWAOL.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
