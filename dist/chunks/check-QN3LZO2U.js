#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-XGIKNH7F.js";
import "./chunk-II6ICZSI.js";
import "./chunk-4U3RAKBE.js";
import "./chunk-OWSAQ5ZQ.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
