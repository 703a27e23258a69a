/**
 * Finding the page script in a page's HTML, without running any of the page's code: the script
 * tag (`data-endpoint`, or a file named metrica-chats), the Google Tag Manager loader (`dist/gtm.html`:
 * `MetricaChatsConfig = {...}` and an injected script), or a `MetricaChatsConfig` set before a
 * renamed file. The configuration is assembled as the script's own start-up does (auto.ts): the
 * `MetricaChatsConfig` object first, the tag's `data-` attributes over it.
 */
export interface ScriptElement {
    /** Attributes by lower-case name. */
    attributes: Record<string, string>;
    /** Inline code (empty for an external script). */
    text: string;
}
export interface Installation {
    /** How the script is included. */
    via: 'script tag' | 'tag manager loader';
    /** Absolute URL of the script file; null when the page names none (a renamed file, say). */
    scriptUrl: string | null;
    /** The configuration as the script would assemble it; null when it could not be read. */
    config: Record<string, unknown> | null;
    /** Why the configuration could not be read without running the page's code. */
    configProblem?: string;
}
export interface PageScan {
    installation: Installation | null;
    /** External scripts of the page (absolute URLs): a renamed script file may be among them. */
    externalScripts: string[];
    /** A `MetricaChatsConfig` object set by the page's inline code, if any. */
    inlineConfig: {
        config: Record<string, unknown> | null;
        problem?: string;
    } | null;
    /** Google Tag Manager containers the page loads, where a loader tag may live. */
    tagManagerScripts: string[];
}
/** The `<script>` elements of an HTML document, in order. */
export declare function scriptElements(html: string): ScriptElement[];
/**
 * The `MetricaChatsConfig = {...}` object of inline code, read as a literal (JSON5: quotes of
 * either kind, unquoted keys). Code in it (`userId: user.id`) cannot be read without running it.
 */
export declare function readInlineConfig(code: string): {
    config: Record<string, unknown> | null;
    problem?: string;
} | null;
/** Looks for the page script in a page's HTML (or a tag manager container's decoded code). */
export declare function scanPage(html: string, pageUrl: string): PageScan;
/**
 * The HTML a Google Tag Manager container carries: Custom HTML tags sit in its code as JavaScript
 * strings (`"vtp_html":"\u003cscript\u003e..."`). Decoded, the loader reads as it was pasted.
 */
export declare function decodeTagManagerContainer(code: string): string;
