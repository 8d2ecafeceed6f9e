/**
 * A client that sends a request body a few bytes at a time over a raw socket, the way a slow or hostile
 * client does, and reads whatever comes back. Used to hold a request in flight (the SIGTERM drain) and to
 * check that one slow client does not block everyone else.
 */
import { connect as netConnect, type Socket } from 'node:net';

export interface SlowRequest {
  /** Resolves with the raw HTTP response text (status line, headers, body) once the server closes or answers. */
  readonly response: Promise<string>;
  /** Stops sending and closes the socket. */
  abort(): void;
}

export interface SlowOptions {
  port: number;
  path: string;
  body: Buffer;
  headers: Record<string, string>;
  /** Bytes per write and the pause between writes. */
  chunkBytes: number;
  pauseMs: number;
  /** Keep the connection open after the answer, as a pooled client (Intercom's) does. Default false. */
  keepAlive?: boolean;
}

export function slowPost(options: SlowOptions): SlowRequest {
  const socket: Socket = netConnect(options.port, '127.0.0.1');
  socket.setNoDelay(true);
  let stopped = false;
  const head = [
    `POST ${options.path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Length: ${options.body.length}`,
    ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
    `Connection: ${options.keepAlive ? 'keep-alive' : 'close'}`,
    '',
    '',
  ].join('\r\n');
  const response = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      // A kept-alive connection stays open after the answer: resolve once the whole body is in.
      if (complete(text)) resolve(text);
    });
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
  });
  const dribble = async () => {
    socket.write(head);
    for (let at = 0; at < options.body.length && !stopped; at += options.chunkBytes) {
      socket.write(options.body.subarray(at, at + options.chunkBytes));
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  socket.once('connect', () => void dribble());
  return {
    response,
    abort() {
      stopped = true;
      socket.destroy();
    },
  };
}

function complete(raw: string): boolean {
  const at = raw.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: *(\d+)/i.exec(raw.slice(0, at))?.[1];
  return at !== -1 && length !== undefined && Buffer.byteLength(raw.slice(at + 4)) >= Number(length);
}

/** The status code of a raw HTTP response, or 0 when there was none. */
export function statusOf(raw: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
}

/** The body of a raw HTTP response (assumes no chunked encoding, which Express does not use for JSON it sends whole). */
export function bodyOf(raw: string): string {
  const at = raw.indexOf('\r\n\r\n');
  return at === -1 ? '' : raw.slice(at + 4);
}
