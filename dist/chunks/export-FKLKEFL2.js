#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-6SLM4VUW.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-BBTZH3S5.js";
import "./chunk-YYAGHXKK.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
