import { type Json } from './fields.js';
import { type ConnectorResult } from './types.js';
export declare function wazzupWebhook(body: Json, nowSeconds: number): ConnectorResult;
