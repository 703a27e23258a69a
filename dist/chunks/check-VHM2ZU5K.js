#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-VBAIIMQV.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-SGOEFQCX.js";
import "./chunk-SJYROADG.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
