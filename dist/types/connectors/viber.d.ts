import { type Json } from './fields.js';
import { type ConnectorResult } from './types.js';
export declare function viberCallback(event: Json, nowSeconds: number): ConnectorResult;
