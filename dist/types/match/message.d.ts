/**
 * The default first message. The tag sits on its own line after the visitor's text so that it
 * reads as a reference number, not as part of what they wrote, and an operator can find it.
 */
export interface MessageDefaults {
    /** Template with `{text}` and `{id}`. */
    message: string;
    /** Used for `{text}` when the link had no text of its own. */
    greeting: string;
}
/**
 * Russian for a page in Russian (`<html lang="ru">`, `ru-RU`), English otherwise, also for no
 * lang at all (test() reads it as "null" or "undefined").
 */
export declare function defaultMessage(lang: string | null | undefined): MessageDefaults;
