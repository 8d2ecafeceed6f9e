/**
 * The front door: machine routes answered before Express (matched as Express would: query string, case, one
 * trailing slash), everything else handed on; a route that throws gets a bare 500, or 503 when the database is
 * out of reach; bodies over the limit 413,
 * compressed ones 415, and the route never runs for either.
 */
import express from 'express';
import request from 'supertest';
import { frontDoor, replyJson } from '../../src/http/front-door';
import { SIGNED_BODY_LIMIT_BYTES } from '../../src/http/raw-body';
import { silentLogger } from '../../src/util/logger';

const seen: string[] = [];
const rest = express();
rest.use((_req, res) => {
  res.status(404).json({ error: 'not_found', by: 'express' });
});
const app = frontDoor(
  [
    {
      path: '/intercom/echo',
      onBody: async (raw, req, res) => {
        seen.push(req.url ?? '');
        replyJson(res, 200, { bytes: raw.length });
      },
    },
    {
      path: '/intercom/broken',
      onBody: async () => {
        throw new Error('secret detail that must not leak');
      },
    },
    {
      path: '/intercom/database-away',
      onBody: async () => {
        // As node-postgres reports a connection refused while the server restarts.
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
    },
  ],
  rest,
  silentLogger,
);

beforeEach(() => {
  seen.length = 0;
});

it('answers a machine route for its path however Express would have matched it', async () => {
  for (const path of ['/intercom/echo', '/intercom/echo?x=1', '/intercom/echo/', '/Intercom/Echo']) {
    const res = await request(app).post(path).set('Content-Type', 'application/json').send('{"a":1}');
    expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 200, body: { bytes: 7 } });
  }
  expect(seen).toHaveLength(4);
});

it('hands every other request to Express, including other methods on a machine path', async () => {
  for (const call of [request(app).get('/intercom/echo'), request(app).post('/intercom/echoes').send('{}'), request(app).get('/')]) {
    const res = await call;
    expect([res.status, res.body.by]).toEqual([404, 'express']);
  }
  expect(seen).toEqual([]);
});

it('a route that throws answers 500 with a code and nothing else', async () => {
  const res = await request(app).post('/intercom/broken').send('{}');
  expect([res.status, res.body]).toEqual([500, { error: 'internal_error' }]);
  expect(res.text).not.toContain('secret');
});

it('a route that meets an unavailable database answers 503 with Retry-After, so the sender retries', async () => {
  const res = await request(app).post('/intercom/database-away').send('{}');
  expect([res.status, res.headers['retry-after'], res.body]).toEqual([503, '5', { error: 'unavailable' }]);
  expect(res.text).not.toContain('5432');
});

it('refuses a body over the limit (413) or compressed (415) without running the route', async () => {
  const big = await request(app)
    .post('/intercom/echo')
    .set('Content-Type', 'application/json')
    .send(`"${'x'.repeat(SIGNED_BODY_LIMIT_BYTES)}"`);
  expect([big.status, big.body]).toEqual([413, { error: 'payload_too_large' }]);
  const gzipped = await request(app).post('/intercom/echo').set('Content-Encoding', 'gzip').send('{}');
  expect([gzipped.status, gzipped.body]).toEqual([415, { error: 'bad_request' }]);
  expect(seen).toEqual([]);
});
