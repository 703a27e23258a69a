#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-IBKB2WRO.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-SUVALIIF.js";
import "./chunk-3WZKUSMG.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
