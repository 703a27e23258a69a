#!/usr/bin/env node
import {
  jsonLogger,
  mask,
  silentLogger
} from "./chunk-7Z4IPTRN.js";
export {
  jsonLogger,
  mask,
  silentLogger
};
