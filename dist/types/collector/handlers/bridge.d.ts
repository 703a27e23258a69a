import type { RouteHandler } from '../context.js';
/**
 * `GET|HEAD /go/<name>`: a bridge link. A person gets a chat ID (a fresh one, or the one of their
 * visit a moment ago), a pairing of it with the yclid and UTM parameters of the query, and a 302 to
 * the configured messenger URL with the chat ID written in. The Location is the configured URL and
 * the chat ID only: nothing from the request reaches it, so this is no open redirect.
 *
 * A HEAD, a link preview or robot, or a client over the rate limit goes to the URL as configured,
 * with no chat ID made and nothing stored: they are not people about to start a chat.
 */
export declare const bridge: RouteHandler;
