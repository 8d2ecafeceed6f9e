/**
 * The front door: machine routes answered before Express (matched as Express would: query string, case, one
 * trailing slash), everything else handed on; a route that throws gets a bare 500, or 503 when the database is
 * out of reach; bodies over the limit 413,
 * compressed ones 415, and the route never runs for either. The signature is checked here, by the route's declared
 * scheme, before the route runs: a forged, missing or wrong-scheme one is 401.
 */
import express from 'express';
import request from 'supertest';
import { frontDoor, replyJson } from '../../src/http/front-door';
import { SIGNED_BODY_LIMIT_BYTES } from '../../src/http/raw-body';
import { signBody } from '../../src/http/signature';
import { silentLogger } from '../../src/util/logger';

const SECRET = 'front-door-secret';
const seen: string[] = [];
const rest = express();
rest.use((_req, res) => {
  res.status(404).json({ error: 'not_found', by: 'express' });
});
const app = frontDoor(
  [
    {
      path: '/intercom/echo',
      signedWith: 'canvas',
      onBody: async (raw, req, res) => {
        seen.push(req.url ?? '');
        replyJson(res, 200, { bytes: raw.length });
      },
    },
    {
      path: '/intercom/broken',
      signedWith: 'canvas',
      onBody: async () => {
        throw new Error('secret detail that must not leak');
      },
    },
    {
      path: '/intercom/database-away',
      signedWith: 'canvas',
      onBody: async () => {
        // As node-postgres reports a connection refused while the server restarts.
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
    },
    {
      path: '/intercom/hooks',
      signedWith: 'webhook',
      onBody: async (_raw, req, res, signature) => {
        seen.push(req.url ?? '');
        replyJson(res, 200, { signature });
      },
    },
  ],
  rest,
  silentLogger,
  [SECRET, 'previous-secret'],
);

/** A POST signed as Intercom signs a Canvas Kit body. */
const signed = (path: string, body: string) =>
  request(app)
    .post(path)
    .set('Content-Type', 'application/json')
    .set('X-Body-Signature', signBody('canvas', body, SECRET))
    .send(body);

beforeEach(() => {
  seen.length = 0;
});

it('answers a machine route for its path however Express would have matched it', async () => {
  for (const path of ['/intercom/echo', '/intercom/echo?x=1', '/intercom/echo/', '/Intercom/Echo']) {
    const res = await signed(path, '{"a":1}');
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
  const res = await signed('/intercom/broken', '{}');
  expect([res.status, res.body]).toEqual([500, { error: 'internal_error' }]);
  expect(res.text).not.toContain('secret');
});

it('a route that meets an unavailable database answers 503 with Retry-After, so the sender retries', async () => {
  const res = await signed('/intercom/database-away', '{}');
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

it('checks each route’s declared signature before the route runs: forged, missing or the other scheme is 401', async () => {
  const body = '{"a":1}';
  const attempts = [
    request(app)
      .post('/intercom/echo')
      .set('X-Body-Signature', signBody('canvas', body, 'forged'))
      .send(body),
    request(app).post('/intercom/echo').send(body),
    request(app)
      .post('/intercom/echo')
      .set('X-Hub-Signature', signBody('webhook', body, SECRET))
      .send(body),
    request(app)
      .post('/intercom/hooks')
      .set('X-Body-Signature', signBody('canvas', body, SECRET))
      .send(body),
    request(app)
      .post('/intercom/hooks')
      .set('X-Hub-Signature', signBody('webhook', `${body} `, SECRET))
      .send(body),
  ];
  for (const attempt of attempts) {
    const res = await attempt;
    expect([res.status, res.body]).toEqual([401, { error: 'invalid_signature' }]);
  }
  expect(seen).toEqual([]);
});

it('runs the route with the verified signature, under the current or a previous secret', async () => {
  const body = '{"b":2}';
  const current = signBody('webhook', body, SECRET);
  const res = await request(app).post('/intercom/hooks').set('X-Hub-Signature', current).send(body);
  expect([res.status, res.body]).toEqual([200, { signature: current }]);
  const rotated = signBody('webhook', body, 'previous-secret');
  expect((await request(app).post('/intercom/hooks').set('X-Hub-Signature', rotated).send(body)).status).toBe(200);
  expect(seen).toHaveLength(2);
});
