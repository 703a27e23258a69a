#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-ZZ45R7TC.js";
import "./chunk-VVY3BQNY.js";
import "./chunk-LC2YTHCD.js";
import "./chunk-4BK2D3LN.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
