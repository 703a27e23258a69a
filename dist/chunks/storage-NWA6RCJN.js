#!/usr/bin/env node
import {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  isPostgresUrl,
  openStorage,
  recordOf
} from "./chunk-YHN2F4TI.js";
import {
  chatKey,
  hasMetricaId,
  partnersOf
} from "./chunk-ITWH7KDP.js";
import "./chunk-5GHHCO5G.js";
export {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  hasMetricaId,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
};
