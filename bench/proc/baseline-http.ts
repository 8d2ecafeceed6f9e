/**
 * Baseline 2: a bare node:http server answering the precomputed sidebar canvas once the request body has
 * arrived. The floor: no framework, no work, the same bytes on the wire.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memory, serveRpc } from './rpc';

let close: () => Promise<void> = async () => {};

serveRpc(
  {
    async listen(args) {
      const body = Buffer.from((args as { body: string }).body);
      const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) };
      const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(200, headers);
          res.end(body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      close = () => new Promise((resolve) => server.close(() => resolve()));
      return { port: (server.address() as AddressInfo).port };
    },
    memory,
  },
  () => close(),
);
