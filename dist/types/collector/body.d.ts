import type { IncomingMessage } from 'node:http';
/**
 * Reads a request body up to `limit` bytes. The cap is enforced while streaming, so a chunked
 * request without Content-Length cannot get past it; a declared length over the cap is refused
 * before a byte is read.
 */
export declare function readBody(req: IncomingMessage, limit: number): Promise<Buffer>;
