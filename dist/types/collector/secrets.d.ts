/**
 * Secrets shorter than this are refused wherever a collector starts (`serve`, `createCollector`,
 * the demo): an API key or a webhook path segment is the only thing between the internet and
 * the chats, and a short one can be guessed.
 */
export declare const MIN_SECRET_LENGTH = 16;
/** What the caller calls the two settings, so the error names the one the user gave. */
export interface SecretSettingNames {
    apiKeys: string;
    webhookSecret: string;
}
/** The names of `createCollector`'s options. */
export declare const SECRET_OPTION_NAMES: SecretSettingNames;
/**
 * The problem with the collector's secrets, or null when they are long enough (or absent: the
 * collector then refuses the requests that need them). Names the setting, which key and its
 * length, never the value: it may be a real secret typed short by mistake.
 */
export declare function shortSecretProblem(apiKeys: readonly string[], webhookSecret: string | undefined, names?: SecretSettingNames): string | null;
