import { type Verdict } from './problem.js';
/**
 * The `comment` of an upload: "Maximum 255 characters. You can use digits, Latin characters, and
 * Cyrillic characters" (upload_chats). The official example sends `October batch`, so spaces are
 * taken too; an emoji gets 400 «Комментарий содержит недопустимые символы.» in Yandex's API tests.
 */
export declare const COMMENT_MAX_LENGTH = 255;
export declare function uploadCommentVerdict(comment: string): Verdict;
