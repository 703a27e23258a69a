#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-PDVTFJPU.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-3DS3ONAR.js";
import "./chunk-VRJGC2HL.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
