#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-MRG26F4L.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-GL6QXJGW.js";
import "./chunk-4IATOTOG.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
