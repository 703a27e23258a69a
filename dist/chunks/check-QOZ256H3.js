#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-JQB2YJTE.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-LHTISQFB.js";
import "./chunk-AQKHMSIE.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
