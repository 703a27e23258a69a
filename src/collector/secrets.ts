/**
 * Secrets shorter than this are refused wherever a collector starts (`serve`, `createCollector`,
 * the demo): an API key or a webhook path segment is the only thing between the internet and
 * the chats, and a short one can be guessed.
 */
export const MIN_SECRET_LENGTH = 16;

/** What the caller calls the two settings, so the error names the one the user gave. */
export interface SecretSettingNames {
  apiKeys: string;
  webhookSecret: string;
}

/** The names of `createCollector`'s options. */
export const SECRET_OPTION_NAMES: SecretSettingNames = { apiKeys: 'apiKeys', webhookSecret: 'webhookSecret' };

/**
 * The problem with the collector's secrets, or null when they are long enough (or absent: the
 * collector then refuses the requests that need them). Names the setting, which key and its
 * length, never the value: it may be a real secret typed short by mistake.
 */
export function shortSecretProblem(
  apiKeys: readonly string[],
  webhookSecret: string | undefined,
  names: SecretSettingNames = SECRET_OPTION_NAMES,
): string | null {
  const expected = `at least ${MIN_SECRET_LENGTH} characters (for example the output of \`openssl rand -hex 24\`)`;
  const short = apiKeys.findIndex((k) => k.length < MIN_SECRET_LENGTH);
  if (short >= 0) {
    const which = apiKeys.length > 1 ? `key ${short + 1} of ${apiKeys.length}` : 'the key';
    return `${names.apiKeys}: ${which} has ${apiKeys[short]?.length} characters; each key needs ${expected}`;
  }
  if (webhookSecret !== undefined && webhookSecret.length < MIN_SECRET_LENGTH)
    return `${names.webhookSecret} has ${webhookSecret.length} characters; it needs ${expected}`;
  return null;
}
