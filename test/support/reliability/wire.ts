/**
 * One keep-alive HTTP server per app, on loopback port 0, and a small client for it. Supertest starts a server
 * per request, which costs more than the request itself at fuzzing volumes; this keeps one listening socket and
 * a pool of kept-alive connections, so 10,000 signed requests take seconds. The bytes sent are exactly the bytes
 * signed: nothing re-serialises a body on the way.
 */
import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpApp } from '../../../src/http/front-door';
import { signBody } from '../../../src/http/signature';
import { TEST_CLIENT_SECRET } from '../app-harness';

export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface Wire {
  readonly url: string;
  readonly port: number;
  post(path: string, raw: string | Buffer, headers?: Record<string, string>): Promise<WireResponse>;
  /** POST `raw` with a valid Canvas Kit signature (X-Body-Signature) under the test client secret. */
  postCanvas(path: string, raw: string | Buffer): Promise<WireResponse>;
  /** POST `raw` with a valid webhook signature (X-Hub-Signature) under the test client secret. */
  postWebhook(path: string, raw: string | Buffer): Promise<WireResponse>;
  get(path: string, headers?: Record<string, string>): Promise<WireResponse>;
  close(): Promise<void>;
}

export async function listen(app: HttpApp, maxSockets = 8): Promise<Wire> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  server.on('connection', (socket) => socket.setNoDelay(true));
  const client = connect((server.address() as AddressInfo).port, maxSockets);
  return {
    ...client,
    async close() {
      await client.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A client for an app that listens elsewhere (a child process); `close` only drops its connections. */
export function connect(port: number, maxSockets = 8): Wire {
  // Nagle's algorithm plus delayed ACKs would hold a large body's last segment for ~40 ms on loopback.
  const agent = new Agent({ keepAlive: true, maxSockets, noDelay: true } as ConstructorParameters<typeof Agent>[0]);
  const send = (method: string, path: string, raw: Buffer | null, headers: Record<string, string>) =>
    sendRequest(agent, port, method, path, raw, headers);
  const asBuffer = (raw: string | Buffer) => (Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    post: (path, raw, headers = {}) => send('POST', path, asBuffer(raw), { 'content-type': 'application/json', ...headers }),
    postCanvas: (path, raw) =>
      send('POST', path, asBuffer(raw), {
        'content-type': 'application/json',
        'x-body-signature': signBody('canvas', asBuffer(raw), TEST_CLIENT_SECRET),
      }),
    postWebhook: (path, raw) =>
      send('POST', path, asBuffer(raw), {
        'content-type': 'application/json',
        'x-hub-signature': signBody('webhook', asBuffer(raw), TEST_CLIENT_SECRET),
      }),
    get: (path, headers = {}) => send('GET', path, null, headers),
    async close() {
      agent.destroy();
    },
  };
}

function sendRequest(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  raw: Buffer | null,
  headers: Record<string, string>,
): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: raw ? { ...headers, 'content-length': String(raw.length) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseOrUndefined(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(raw ?? undefined);
  });
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
