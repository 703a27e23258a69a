#!/usr/bin/env node
import {
  DRIVER_INSTALL,
  DatabasePathError,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  isPostgresUrl,
  openStorage,
  recordOf
} from "./chunk-5OEX7AUI.js";
import {
  chatKey,
  hasMetricaId,
  partnersOf
} from "./chunk-4YCAPLBT.js";
import "./chunk-5GHHCO5G.js";
export {
  DRIVER_INSTALL,
  DatabasePathError,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  hasMetricaId,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
};
