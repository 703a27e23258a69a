import { expected, type Verdict } from './problem.js';
import { characterCount } from './text.js';

/**
 * The `comment` of an upload: "Maximum 255 characters. You can use digits, Latin characters, and
 * Cyrillic characters" (upload_chats). The official example sends `October batch`, so spaces are
 * taken too; an emoji gets 400 «Комментарий содержит недопустимые символы.» in Yandex's API tests.
 */
export const COMMENT_MAX_LENGTH = 255;
const COMMENT_CHARACTERS = /^[0-9A-Za-z\u0400-\u04ff ]*$/;

export function uploadCommentVerdict(comment: string): Verdict {
  const n = characterCount(comment);
  if (n > COMMENT_MAX_LENGTH) return expected(`at most ${COMMENT_MAX_LENGTH} characters`, `it has ${n}`);
  if (!COMMENT_CHARACTERS.test(comment)) {
    const bad = [...comment].find((c) => !COMMENT_CHARACTERS.test(c)) ?? '';
    return expected('digits, Latin and Cyrillic letters and spaces only', `${JSON.stringify(bad)} is not allowed`);
  }
  return null;
}
