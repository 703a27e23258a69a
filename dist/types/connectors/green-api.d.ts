import { type Json } from './fields.js';
import { type ConnectorResult } from './types.js';
export declare function greenApiWebhook(body: Json, nowSeconds: number): ConnectorResult;
/**
 * The token of the `Authorization` header Green-API adds when the instance has a `webhookUrlToken`
 * (SetSettings). The docs name the setting, not the header's exact form, so both
 * `Bearer <token>` and the bare token are read.
 */
export declare function greenApiToken(header: string | undefined): string | undefined;
