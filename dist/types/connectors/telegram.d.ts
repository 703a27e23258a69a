import { type Json } from './fields.js';
import { type ConnectorResult } from './types.js';
export declare function telegramUpdate(update: Json, nowSeconds: number): ConnectorResult;
