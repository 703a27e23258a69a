#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-GCH2MCLC.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-THAAWAOL.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
