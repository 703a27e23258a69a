/**
 * Secrets shorter than this are refused at start-up: an API key or a webhook path segment is the
 * only thing between the internet and the chats, and a short one can be guessed.
 */
export declare const MIN_SECRET_LENGTH = 16;
/**
 * The problem with the collector's secrets, or null when they are long enough. Names the variable
 * and which key, never the value (it may be a real secret typed short by mistake).
 */
export declare function shortSecretProblem(apiKeys: readonly string[], webhookSecret: string | undefined): string | null;
