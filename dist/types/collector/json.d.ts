export declare function decodeUtf8(body: Uint8Array): string;
/** Parses a JSON object body; throws a 400 naming the fault. */
export declare function parseJsonObject(text: string): Record<string, unknown>;
/**
 * The first key that appears twice in one object of already-valid JSON, or null.
 * A single pass: strings are skipped whole, and a string followed by `:` is a key of the
 * innermost open object.
 */
export declare function duplicateKey(json: string): string | null;
