#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-USWYGR42.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-52W5S7CK.js";
import "./chunk-YBJ3VO57.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
