#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-PF6VRGWJ.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-NGE56SZV.js";
import "./chunk-OKNSVRBM.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
