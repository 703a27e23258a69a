#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-M4L2PADG.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-NG2QSJ2P.js";
import "./chunk-K7LC5JDF.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
