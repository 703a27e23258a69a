#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-PUJ22WVT.js";
import "./chunk-PPVNOCP5.js";
import "./chunk-UARLW5ZB.js";
import "./chunk-57SFKUBH.js";
import "./chunk-THAAWAOL.js";
import "./chunk-NWXZICF3.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
