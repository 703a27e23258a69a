#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-DHGAICHD.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-SGJK3GGX.js";
import "./chunk-SAHDFHNS.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
