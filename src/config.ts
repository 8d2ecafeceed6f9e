/**
 * Environment → frozen config, parsed once at start. Nothing else reads
 * process.env. A missing or malformed value stops start-up with one line that
 * names it. With no Intercom credentials at all the app runs as a sandbox.
 */
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const commaList = optionalString.transform((v) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [],
);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every variable the app reads, with its description; app.json is checked against this list. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  SQLITE_PATH: z.string().default('./data/handoff.sqlite'),
  INTERCOM_CLIENT_ID: optionalString,
  INTERCOM_CLIENT_SECRET: optionalString,
  INTERCOM_CLIENT_SECRETS_PREVIOUS: commaList,
  INTERCOM_ACCESS_TOKEN: optionalString,
  INTERCOM_API_BASE_URL: optionalString.pipe(z.url().optional()),
  INTERCOM_OAUTH_URL: z.url().default('https://app.intercom.com/oauth'),
  INTERCOM_APP_STORE_REDIRECT_URL: z.url().default('https://app.intercom.com/appstore/redirect'),
  HANDOFF_ENCRYPTION_KEY: optionalString,
  HANDOFF_ENCRYPTION_KEYS_PREVIOUS: commaList,
  HANDOFF_SANDBOX: z.enum(['0', '1', 'true', 'false']).optional(),
  INTERCOM_TIMEOUT_MS: positiveInt(4000),
  OUTBOX_POLL_MS: positiveInt(1000),
  SLA_TICK_MS: positiveInt(5000),
  RECONCILE_INTERVAL_MS: positiveInt(60_000),
  SHUTDOWN_GRACE_MS: positiveInt(10_000),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt(3_000),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt(60_000),
  DATABASE_KEEPALIVE_IDLE_MS: positiveInt(10_000),
  DATABASE_POOL_MAX: positiveInt(10),
  SQLITE_BUSY_TIMEOUT_MS: positiveInt(250),
  WEBHOOK_INTAKE_MAX_QUEUED: positiveInt(2_000),
  TRIAGE_AI_TIMEOUT_MS: positiveInt(8_000),
  TRIAGE_AI_MAX_TRANSCRIPT_CHARS: positiveInt(24_000),
  TRIAGE_AI_BASE_URL: optionalString.pipe(z.url().optional()),
});

export type Env = z.infer<typeof envSchema>;
export const CONFIG_ENV_KEYS: readonly string[] = Object.freeze(Object.keys(envSchema.shape));

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface Config {
  mode: 'production' | 'sandbox';
  installMode: 'private' | 'oauth' | 'sandbox';
  port: number;
  host: string;
  publicUrl: string;
  logLevel: Env['LOG_LEVEL'];
  database: {
    url: string | undefined;
    sqlitePath: string;
    /** How long a SQLite write waits for another process's lock before failing as "store unavailable". */
    sqliteBusyTimeoutMs: number;
    /** PostgreSQL: connect (and pool wait), statement, idle-in-transaction and keepalive times. */
    pgLimits: { connectMs: number; statementMs: number; idleInTransactionMs: number; keepAliveIdleMs: number };
    /** PostgreSQL: most pooled connections this instance opens (the change feed's LISTEN connection is one more). */
    pgPoolMax: number;
  };
  intercom: {
    clientId: string | undefined;
    /** Current secret first; previous ones still verify signatures during a rotation. */
    clientSecrets: readonly string[];
    accessToken: string | undefined;
    /** Where GET /me and the OAuth token exchange go: INTERCOM_API_BASE_URL, or Intercom's US host. */
    apiBaseUrl: string;
    /**
     * INTERCOM_API_BASE_URL when the operator set it: then every call of every workspace goes there (an egress
     * proxy, a staging Intercom, one region's host). Unset, each workspace's regional host is learnt from /me.
     */
    pinnedApiBaseUrl?: string;
    oauthUrl: string;
    appStoreRedirectUrl: string;
    timeoutMs: number;
  };
  encryption: { current: EncryptionKey; previous: readonly EncryptionKey[] };
  jobs: { outboxPollMs: number; slaTickMs: number; reconcileIntervalMs: number };
  /** Webhook deliveries waiting for their commit beyond this many are refused with 503 (Intercom retries). */
  webhookIntakeMaxQueued: number;
  /** The optional LLM triage (src/services/triage-ai/): off unless a workspace admin switches it on. */
  triageAi: {
    /** One provider call, abort included. */
    timeoutMs: number;
    /** The masked transcript sent is cut to this many characters (the latest messages are kept). */
    maxTranscriptChars: number;
    /**
     * TRIAGE_AI_BASE_URL: one root for both providers (an egress proxy, or the fake provider in tests): Anthropic's
     * Messages API under it, OpenAI's under `<root>/v1`. Unset: each SDK's own public host.
     */
    baseUrl?: string;
  };
  shutdownGraceMs: number;
}

export class ConfigError extends Error {}

/** `id:base64` where base64 decodes to 32 bytes (AES-256). */
function parseKey(raw: string, name: string): EncryptionKey {
  const [id, b64] = raw.includes(':') ? [raw.slice(0, raw.indexOf(':')), raw.slice(raw.indexOf(':') + 1)] : ['k1', raw];
  const key = Buffer.from(b64 ?? '', 'base64');
  if (!id || key.length !== 32) throw new ConfigError(`${name} must be "<key id>:<base64 of 32 random bytes>"`);
  return { id, key };
}

/** Variables only a production deployment sets; any of them without Intercom credentials stops the start. */
const PRODUCTION_VARIABLES = ['DATABASE_URL', 'PUBLIC_URL', 'HANDOFF_ENCRYPTION_KEY'] as const;

/** Fixed, public sandbox-only values: the sandbox never talks to a real Intercom. */
export const SANDBOX_CLIENT_SECRET = 'sandbox-client-secret-not-for-production';
const SANDBOX_KEY: EncryptionKey = { id: 'sandbox', key: Buffer.alloc(32, 7) };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${String(issue.path[0] ?? '?')}: ${issue.message}`);
  }
  const e = parsed.data;
  const hasCredentials = Boolean(e.INTERCOM_CLIENT_SECRET || e.INTERCOM_ACCESS_TOKEN || e.INTERCOM_CLIENT_ID);
  const sandboxRequested = e.HANDOFF_SANDBOX === '1' || e.HANDOFF_SANDBOX === 'true';
  if (sandboxRequested && hasCredentials) {
    throw new ConfigError(
      'HANDOFF_SANDBOX is set but Intercom credentials are present: refusing to start a sandbox with production credentials',
    );
  }
  if (!hasCredentials) {
    // Fail closed: a deployment that set its database, URL or key but lost its secret must not come up as the
    // sandbox, whose client secret is public. The sandbox with those set has to be asked for by name.
    const productionVariable = PRODUCTION_VARIABLES.find((name) => e[name] !== undefined);
    if (productionVariable && !sandboxRequested) {
      throw new ConfigError(
        `Missing INTERCOM_CLIENT_SECRET: ${productionVariable} is set, so Handoff refuses to start as the sandbox (set HANDOFF_SANDBOX=1 to run the sandbox on purpose)`,
      );
    }
    return Object.freeze(sandboxConfig(e));
  }

  if (!e.INTERCOM_CLIENT_SECRET) throw new ConfigError('Missing INTERCOM_CLIENT_SECRET (Developer Hub > Basic Info > Client secret)');
  if (!e.INTERCOM_ACCESS_TOKEN && !e.INTERCOM_CLIENT_ID) {
    throw new ConfigError('Missing INTERCOM_ACCESS_TOKEN (private app) or INTERCOM_CLIENT_ID (public OAuth app)');
  }
  if (!e.HANDOFF_ENCRYPTION_KEY) throw new ConfigError('Missing HANDOFF_ENCRYPTION_KEY ("<key id>:<base64 of 32 random bytes>")');
  if (!e.PUBLIC_URL) throw new ConfigError('Missing PUBLIC_URL (the https URL Intercom reaches this app on)');
  return Object.freeze({
    ...common(e),
    mode: 'production',
    installMode: e.INTERCOM_ACCESS_TOKEN ? 'private' : 'oauth',
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    intercom: {
      ...common(e).intercom,
      clientId: e.INTERCOM_CLIENT_ID,
      clientSecrets: Object.freeze([e.INTERCOM_CLIENT_SECRET, ...e.INTERCOM_CLIENT_SECRETS_PREVIOUS]),
      accessToken: e.INTERCOM_ACCESS_TOKEN,
    },
    encryption: {
      current: parseKey(e.HANDOFF_ENCRYPTION_KEY, 'HANDOFF_ENCRYPTION_KEY'),
      previous: e.HANDOFF_ENCRYPTION_KEYS_PREVIOUS.map((k) => parseKey(k, 'HANDOFF_ENCRYPTION_KEYS_PREVIOUS')),
    },
  } satisfies Config);
}

function common(e: Env): Omit<Config, 'mode' | 'installMode' | 'publicUrl' | 'encryption'> {
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    database: {
      url: e.DATABASE_URL,
      sqlitePath: e.SQLITE_PATH,
      sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
      pgLimits: {
        connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
        statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
        idleInTransactionMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        keepAliveIdleMs: e.DATABASE_KEEPALIVE_IDLE_MS,
      },
      pgPoolMax: e.DATABASE_POOL_MAX,
    },
    intercom: {
      clientId: undefined,
      clientSecrets: [],
      accessToken: undefined,
      apiBaseUrl: (e.INTERCOM_API_BASE_URL ?? 'https://api.intercom.io').replace(/\/$/, ''),
      ...(e.INTERCOM_API_BASE_URL ? { pinnedApiBaseUrl: e.INTERCOM_API_BASE_URL.replace(/\/$/, '') } : {}),
      oauthUrl: e.INTERCOM_OAUTH_URL,
      appStoreRedirectUrl: e.INTERCOM_APP_STORE_REDIRECT_URL,
      timeoutMs: e.INTERCOM_TIMEOUT_MS,
    },
    jobs: { outboxPollMs: e.OUTBOX_POLL_MS, slaTickMs: e.SLA_TICK_MS, reconcileIntervalMs: e.RECONCILE_INTERVAL_MS },
    webhookIntakeMaxQueued: e.WEBHOOK_INTAKE_MAX_QUEUED,
    triageAi: {
      timeoutMs: e.TRIAGE_AI_TIMEOUT_MS,
      maxTranscriptChars: e.TRIAGE_AI_MAX_TRANSCRIPT_CHARS,
      ...(e.TRIAGE_AI_BASE_URL ? { baseUrl: e.TRIAGE_AI_BASE_URL.replace(/\/$/, '') } : {}),
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}

function sandboxConfig(e: Env): Config {
  const base = common(e);
  const host = e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST;
  return {
    ...base,
    mode: 'sandbox',
    installMode: 'sandbox',
    host,
    publicUrl: (e.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${e.PORT}`).replace(/\/$/, ''),
    // The sandbox's API base URL is the in-process fake Intercom, set when it starts.
    intercom: { ...base.intercom, clientId: 'sandbox-client', clientSecrets: [SANDBOX_CLIENT_SECRET] },
    encryption: { current: SANDBOX_KEY, previous: [] },
  };
}
