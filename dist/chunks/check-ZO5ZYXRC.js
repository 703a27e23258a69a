#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-5J7IPSL5.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-XQGAFPKB.js";
import "./chunk-442XRFQP.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
