import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

/**
 * Reads a request body up to `limit` bytes. The cap is enforced while streaming, so a chunked
 * request without Content-Length cannot get past it; a declared length over the cap is refused
 * before a byte is read.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `body is ${declared} bytes; at most ${limit} bytes are accepted`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: Error | null, body?: Buffer) => {
      // Listeners stay attached (removing them costs more than the `done` check); late events are no-ops.
      if (done) return;
      done = true;
      if (error) reject(error);
      else resolve(body as Buffer);
    };
    const onData = (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(new HttpError(413, `body is over ${limit} bytes; at most ${limit} bytes are accepted`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(null, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    const onError = (e: Error) => finish(new HttpError(400, `request body could not be read: ${e.message}`));
    const onAborted = () => finish(new HttpError(400, 'request was aborted before the body ended'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
