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
import type { NextFunction, Request, Response } from 'express';

export const SIGNED_BODY_LIMIT_BYTES = 1024 * 1024;

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads the whole body, then calls `onBody` with it; a refusal (413, 415) goes to `onError` (Express's `next`).
 * Callback-style so the hottest route can read its body inside its own handler, without a middleware layer.
 */
export function readSignedBody(req: Request, res: Response, onBody: (raw: Buffer) => void, onError: NextFunction): void {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    onError(new BodyError(415, 'compressed request bodies are not accepted'));
    return;
  }
  const declared = Number(req.headers['content-length']);
  if (declared > SIGNED_BODY_LIMIT_BYTES) {
    refuse(req, res, onError);
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
      refuse(req, res, onError);
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

/** The same as middleware: the raw body lands in `req.body`. */
export function rawBody(req: Request, res: Response, next: NextFunction): void {
  readSignedBody(
    req,
    res,
    (raw) => {
      req.body = raw;
      next();
    },
    next,
  );
}

/** 413. The rest of the upload is read and dropped so the answer reaches the client, then the connection closes. */
function refuse(req: Request, res: Response, next: NextFunction): void {
  res.set('Connection', 'close');
  req.resume();
  next(new BodyError(413, 'request body over the limit'));
}

/** The raw body as a Buffer (empty when there was none). */
export function bodyBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}

/** JSON.parse that reports failure instead of throwing. */
export function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
