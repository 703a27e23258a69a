/**
 * Secrets shorter than this are refused at start-up: an API key or a webhook path segment is the
 * only thing between the internet and the chats, and a short one can be guessed.
 */
export const MIN_SECRET_LENGTH = 16;

/**
 * The problem with the collector's secrets, or null when they are long enough. Names the variable
 * and which key, never the value (it may be a real secret typed short by mistake).
 */
export function shortSecretProblem(apiKeys: readonly string[], webhookSecret: string | undefined): string | null {
  const expected = `at least ${MIN_SECRET_LENGTH} characters (for example the output of \`openssl rand -hex 24\`)`;
  const short = apiKeys.findIndex((k) => k.length < MIN_SECRET_LENGTH);
  if (short >= 0) {
    const which = apiKeys.length > 1 ? `key ${short + 1} of ${apiKeys.length}` : 'the key';
    return `METRICA_CHATS_API_KEYS: ${which} has ${apiKeys[short]?.length} characters; each key needs ${expected}`;
  }
  if (webhookSecret !== undefined && webhookSecret.length < MIN_SECRET_LENGTH)
    return `METRICA_CHATS_WEBHOOK_SECRET has ${webhookSecret.length} characters; it needs ${expected}`;
  return null;
}
