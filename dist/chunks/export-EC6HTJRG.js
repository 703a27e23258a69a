#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-FTTE2RGH.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-WDGUCLGG.js";
import "./chunk-W4LIOZPF.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
