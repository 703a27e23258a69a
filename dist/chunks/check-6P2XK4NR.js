#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-H2AZRXPU.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-JCANK4K7.js";
import "./chunk-EM63V27W.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
