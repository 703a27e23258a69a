#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-MIDT2UK4.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-YYQPGC3A.js";
import "./chunk-6GFKWJ7H.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
