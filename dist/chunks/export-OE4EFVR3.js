#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-Z5KAYVF7.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-LHTISQFB.js";
import "./chunk-AQKHMSIE.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
