/**
 * Signed routes read the body as raw bytes: the signature covers the exact
 * bytes Intercom sent, so we never re-serialise a parsed body to check it.
 *
 * A few lines of our own instead of `express.raw()`: these routes take one
 * uncompressed body from one sender, and on the sidebar's hot path
 * body-parser's content-type, inflation and async-context machinery cost
 * about a fifth of a request (bench/README.md). Over the limit → 413, a
 * compressed body → 415, an aborted upload → nothing runs at all.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const SIGNED_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads the whole body, then calls `onBody` with it; a refusal calls `onRefused` with its status (413 over the
 * limit, 415 compressed). Callback-style: the front door (front-door.ts) reads the body with no layer around it.
 */
export function readSignedBody(
  req: IncomingMessage,
  res: ServerResponse,
  onBody: (raw: Buffer) => void,
  onRefused: (status: 413 | 415) => void,
): void {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    req.resume();
    onRefused(415);
    return;
  }
  const declared = Number(req.headers['content-length']);
  if (declared > SIGNED_BODY_LIMIT_BYTES) {
    refuse(req, res, onRefused);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > SIGNED_BODY_LIMIT_BYTES) {
      done = true;
      req.off('data', onData);
      refuse(req, res, onRefused);
      return;
    }
    chunks.push(chunk);
  };
  req.on('data', onData);
  req.once('end', () => {
    if (done) return;
    done = true;
    onBody(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  });
  // A client that goes away mid-body gets no answer: there is no one to give it to.
  req.once('error', () => {
    done = true;
  });
}

/** 413. The rest of the upload is read and dropped so the answer reaches the client, then the connection closes. */
function refuse(req: IncomingMessage, res: ServerResponse, onRefused: (status: 413) => void): void {
  res.setHeader('Connection', 'close');
  req.resume();
  onRefused(413);
}

/** JSON.parse that reports failure instead of throwing. */
export function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
