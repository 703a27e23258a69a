#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-AJBARY6U.js";
import "./chunk-HNGIA3KM.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-THAAWAOL.js";
import "./chunk-5GHHCO5G.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
