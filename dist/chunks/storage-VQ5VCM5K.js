#!/usr/bin/env node
import {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
} from "./chunk-X3O5OQ6M.js";
export {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
};
