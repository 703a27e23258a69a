#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-O646R4HH.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-4U3RAKBE.js";
import "./chunk-OWSAQ5ZQ.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
