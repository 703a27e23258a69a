import { type Json } from './fields.js';
import { type ConnectorResult } from './types.js';
/**
 * WhatsApp Business Platform (Cloud API) webhooks → chats. Meta's Graph API webhooks
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started and the WhatsApp
 * "Webhooks" reference): a GET verification request, then signed POST notifications
 * `{object: "whatsapp_business_account", entry: [{id, changes: [{field: "messages", value}]}]}`
 * where `value.messages[]` are customers' messages (`from` is the customer's number, digits only;
 * `timestamp` Unix seconds as a string) and `value.statuses[]` are delivery reports of what the
 * business sent.
 *
 * Text comes from `text.body`, a template quick-reply button's `button.text`, and an interactive
 * reply's `button_reply.title` or `list_reply.title`. The docs list no webhook for an edited
 * customer message at the time of writing (edits arrived as `type: "unsupported"`), so none is
 * read: such a message is acknowledged as not text.
 */
/** The `hub.*` query of Meta's verification request, answered by {@link whatsappHandshake}. */
export type Handshake = {
    status: 200;
    challenge: string;
} | {
    status: 403;
    field: string;
    reason: string;
};
/**
 * Meta's verification request: `hub.mode=subscribe`, `hub.verify_token` equal to the token set in
 * the app dashboard, answered with the `hub.challenge` value as the body; anything else is 403.
 * `tokenAccepted` compares in constant time.
 */
export declare function whatsappHandshake(query: URLSearchParams, tokenAccepted: (token: string) => boolean): Handshake;
/**
 * Checks `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw body bytes with the app
 * secret, in constant time. The bytes must be the ones received: re-serialised JSON differs.
 */
export declare function whatsappSignatureValid(rawBody: Uint8Array, header: string | undefined, appSecret: string): boolean;
export declare function whatsappNotification(body: Json, nowSeconds: number): ConnectorResult;
