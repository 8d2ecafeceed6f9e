/**
 * Baseline 1: a bare Express 5 route answering the precomputed sidebar canvas (the app's own answer, byte for
 * byte). No middleware, no signature check, no database: what Express alone costs for the same bytes on the wire.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { memory, serveRpc } from './rpc';

let close: () => Promise<void> = async () => {};

serveRpc(
  {
    async listen(args) {
      const body = Buffer.from((args as { body: string }).body);
      const app = express();
      app.disable('x-powered-by');
      app.post('/intercom/initialize', (_req, res) => {
        res.status(200).type('application/json').send(body);
      });
      const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
        const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
      });
      close = () => new Promise((resolve) => server.close(() => resolve()));
      return { port: (server.address() as AddressInfo).port };
    },
    memory,
  },
  () => close(),
);
