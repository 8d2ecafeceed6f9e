import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_ENV_KEYS, ConfigError, loadConfig } from '../src/config';

const KEY = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const production = {
  INTERCOM_CLIENT_SECRET: 'secret-now',
  INTERCOM_ACCESS_TOKEN: 'tok',
  HANDOFF_ENCRYPTION_KEY: KEY,
  PUBLIC_URL: 'https://handoff.example.com/',
};

describe('loadConfig', () => {
  it('runs as a sandbox when no Intercom credentials are set', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.host).toBe('127.0.0.1');
    expect(config.intercom.clientSecrets).toHaveLength(1);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the database limits and the webhook intake bound, with defaults', () => {
    expect(loadConfig(production)).toMatchObject({
      database: {
        sqliteBusyTimeoutMs: 250,
        pgLimits: { connectMs: 3000, statementMs: 15000, idleInTransactionMs: 60000, keepAliveIdleMs: 10000 },
        pgPoolMax: 10,
      },
      webhookIntakeMaxQueued: 2000,
    });
    const set = loadConfig({
      ...production,
      DATABASE_CONNECT_TIMEOUT_MS: '500',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '4000',
      DATABASE_KEEPALIVE_IDLE_MS: '1000',
      DATABASE_POOL_MAX: '4',
      SQLITE_BUSY_TIMEOUT_MS: '100',
      WEBHOOK_INTAKE_MAX_QUEUED: '50',
    });
    expect([set.database, set.webhookIntakeMaxQueued]).toMatchObject([
      {
        sqliteBusyTimeoutMs: 100,
        pgLimits: { connectMs: 500, statementMs: 2000, idleInTransactionMs: 4000, keepAliveIdleMs: 1000 },
        pgPoolMax: 4,
      },
      50,
    ]);
    expect(() => loadConfig({ ...production, WEBHOOK_INTAKE_MAX_QUEUED: '0' })).toThrow(/WEBHOOK_INTAKE_MAX_QUEUED/);
    expect(() => loadConfig({ ...production, DATABASE_POOL_MAX: 'many' })).toThrow(/DATABASE_POOL_MAX/);
  });

  describe('fails closed when production variables are set but the client secret is empty', () => {
    const productionOnly = { DATABASE_URL: 'postgres://h/db', PUBLIC_URL: 'https://handoff.example.com', HANDOFF_ENCRYPTION_KEY: KEY };
    it.each([
      ['all of them', productionOnly],
      ['DATABASE_URL', { DATABASE_URL: productionOnly.DATABASE_URL }],
      ['PUBLIC_URL', { PUBLIC_URL: productionOnly.PUBLIC_URL }],
      ['HANDOFF_ENCRYPTION_KEY', { HANDOFF_ENCRYPTION_KEY: KEY }],
      ['all of them and an empty secret', { ...productionOnly, INTERCOM_CLIENT_SECRET: '  ' }],
    ])('%s: refuses with one line naming INTERCOM_CLIENT_SECRET instead of starting the sandbox', (_name, env) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/^Missing INTERCOM_CLIENT_SECRET[^\n]*$/);
    });

    it('still starts the sandbox when it is asked for by name (HANDOFF_SANDBOX=1)', () => {
      expect(loadConfig({ ...productionOnly, HANDOFF_SANDBOX: '1' }).mode).toBe('sandbox');
    });
  });

  it('refuses to start a sandbox when production credentials are present', () => {
    expect(() => loadConfig({ ...production, HANDOFF_SANDBOX: '1' })).toThrow(/refusing to start a sandbox/);
  });

  it('reads a private-app configuration with a rotation list', () => {
    const config = loadConfig({ ...production, INTERCOM_CLIENT_SECRETS_PREVIOUS: 'old-1, old-2', DATABASE_URL: 'postgres://h/db' });
    expect(config).toMatchObject({ mode: 'production', installMode: 'private', publicUrl: 'https://handoff.example.com' });
    expect(config.intercom.clientSecrets).toEqual(['secret-now', 'old-1', 'old-2']);
    expect(config.database.url).toBe('postgres://h/db');
    expect(config.encryption.current.id).toBe('k1');
  });

  it('pins the Intercom API host only when INTERCOM_API_BASE_URL is set (otherwise it is learnt per workspace)', () => {
    expect(loadConfig(production).intercom.pinnedApiBaseUrl).toBeUndefined();
    const pinned = loadConfig({ ...production, INTERCOM_API_BASE_URL: 'https://egress.example.com/intercom/' });
    expect(pinned.intercom.pinnedApiBaseUrl).toBe('https://egress.example.com/intercom');
    expect(pinned.intercom.apiBaseUrl).toBe('https://egress.example.com/intercom');
  });

  it('reads a public (OAuth) app configuration', () => {
    const { INTERCOM_ACCESS_TOKEN: _t, ...rest } = production;
    expect(loadConfig({ ...rest, INTERCOM_CLIENT_ID: 'cid' }).installMode).toBe('oauth');
  });

  it.each([
    ['INTERCOM_CLIENT_SECRET', { ...production, INTERCOM_CLIENT_SECRET: '' }],
    ['HANDOFF_ENCRYPTION_KEY', { ...production, HANDOFF_ENCRYPTION_KEY: '' }],
    ['HANDOFF_ENCRYPTION_KEY', { ...production, HANDOFF_ENCRYPTION_KEY: 'k1:short' }],
    ['PUBLIC_URL', { ...production, PUBLIC_URL: '' }],
    ['INTERCOM_ACCESS_TOKEN', { ...production, INTERCOM_ACCESS_TOKEN: '' }],
    ['PORT', { ...production, PORT: 'eighty' }],
    ['DATABASE_URL', { ...production, DATABASE_URL: 'mysql://x' }],
  ])('stops with one line naming %s', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });

  it('never puts a secret value into its error message', () => {
    try {
      loadConfig({ ...production, HANDOFF_ENCRYPTION_KEY: 'k1:c2VjcmV0LXZhbHVl' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(String(error)).not.toContain('c2VjcmV0LXZhbHVl');
      expect(String(error)).not.toContain('secret-now');
    }
  });
});

describe('app.json', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'app.json'), 'utf8'));

  it('lists exactly the variables the config schema reads', () => {
    expect(Object.keys(manifest.env).sort()).toEqual([...CONFIG_ENV_KEYS].sort());
  });

  it('describes every variable and migrates after deploy', () => {
    for (const [name, spec] of Object.entries<{ description?: string }>(manifest.env)) {
      expect([name, typeof spec.description === 'string' && spec.description.length > 10]).toEqual([name, true]);
    }
    expect(manifest.scripts.postdeploy).toBe('npm run migrate');
    expect(manifest.addons[0].plan).toContain('postgresql');
  });
});
