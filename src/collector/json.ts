import { badField, HttpError } from './errors.js';

/**
 * Strict JSON for request bodies: valid UTF-8, one object at the top, no key given twice
 * (JSON.parse would silently keep the last one, so a crafted body could smuggle a value past a
 * proxy that reads the first).
 */

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(body: Uint8Array): string {
  try {
    return decoder.decode(body);
  } catch {
    throw new HttpError(400, 'body is not valid UTF-8');
  }
}

/** Parses a JSON object body; throws a 400 naming the fault. */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') throw new HttpError(400, 'body is empty: expected a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `body is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(
      400,
      `body must be a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  const dup = duplicateKey(text);
  if (dup !== null) throw badField(dup, `field ${JSON.stringify(dup)} is given more than once`);
  return value as Record<string, unknown>;
}

/**
 * The first key that appears twice in one object of already-valid JSON, or null.
 * A single pass: strings are skipped whole, and a string followed by `:` is a key of the
 * innermost open object.
 */
export function duplicateKey(json: string): string | null {
  const stack: Array<Set<string> | null> = [];
  let i = 0;
  while (i < json.length) {
    const c = json[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      let j = i + 1;
      while (json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      let k = j + 1;
      while (k < json.length && ' \t\r\n'.includes(json[k] as string)) k++;
      if (json[k] === ':') {
        const key = JSON.parse(json.slice(i, j + 1)) as string;
        const keys = stack[stack.length - 1];
        if (keys) {
          if (keys.has(key)) return key;
          keys.add(key);
        }
      }
      i = j;
    }
    i++;
  }
  return null;
}
