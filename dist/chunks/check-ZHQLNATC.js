#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-O4NISOVC.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-LC2YTHCD.js";
import "./chunk-4BK2D3LN.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
