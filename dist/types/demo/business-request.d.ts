/** What the demo panel's business side sends to the collector, built without I/O. */
/** Demo-only webhook secret: the local collector accepts it, nothing else does. */
export declare const DEMO_WEBHOOK_SECRET = "demo-webhook-secret";
/** Builds what the business side sends, for the channel picked in the panel. */
export declare function businessRequest(input: {
    channel?: string;
    platform?: string;
    text?: string;
    partner?: string;
}, now: Date): {
    path: string;
    body: unknown;
    auth: boolean;
};
