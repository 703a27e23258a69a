/** What the demo panel's business side sends to the collector, built without I/O. */
/**
 * Demo-only webhook secret, new on every run: the local collector accepts it, nothing else does.
 * 48 characters, well over the collector's minimum.
 */
export declare const DEMO_WEBHOOK_SECRET: string;
/** Demo-only Meta app secret: the demo signs its WhatsApp Cloud API notifications with it. */
export declare const DEMO_WHATSAPP_APP_SECRET = "demo-whatsapp-app-secret";
/** A request to the collector: its path and body, whether it needs the API key, any other headers. */
export interface BusinessRequest {
    path: string;
    body: unknown;
    auth: boolean;
    headers?: Record<string, string>;
}
/** Builds what the business side sends, for the channel picked in the panel. */
export declare function businessRequest(input: {
    channel?: string;
    platform?: string;
    text?: string;
    partner?: string;
}, now: Date): BusinessRequest;
