#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-BJ4G23RQ.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-4IXFYQWQ.js";
import "./chunk-SXDJP2AG.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
