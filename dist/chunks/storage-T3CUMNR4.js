#!/usr/bin/env node
import {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  compactPhone,
  hasMetricaId,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
} from "./chunk-STWNSONW.js";
export {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  compactPhone,
  hasMetricaId,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
};
