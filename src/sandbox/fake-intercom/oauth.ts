/**
 * The two OAuth endpoints, outside the REST spec: the authorize page (`GET /oauth`; in the sandbox it approves at
 * once and redirects back with `code` and `state`) and the code exchange (`POST /auth/eagle/token`, form-encoded).
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../util/clock';
import { errorListBody } from './http-errors';
import type { FakeState } from './state';

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Registered redirect URLs; the first is the default when the request names none. */
  redirectUrls: string[];
  /** Which field carries the token: sources disagree (`access_token` vs `token`), so both can be exercised. */
  tokenField?: 'access_token' | 'token';
  /** Workspace that approves the install; default the first seeded one. `?workspace=` on /oauth overrides. */
  workspaceId?: string;
}

export interface OAuthAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const CODE_LIFETIME_SECONDS = 300;

export class FakeOAuth {
  config: OAuthConfig | null = null;

  constructor(
    private readonly state: FakeState,
    private readonly clock: Clock,
  ) {}

  authorize(query: URLSearchParams): OAuthAnswer {
    const config = this.config;
    if (!config || query.get('client_id') !== config.clientId) return page(400, 'Unknown client_id');
    const redirect = query.get('redirect_uri') ?? config.redirectUrls[0];
    if (!redirect || !config.redirectUrls.includes(redirect)) return page(400, 'redirect_uri is not registered for this app');
    const workspaceId = query.get('workspace') ?? config.workspaceId ?? this.state.workspaces.keys().next().value;
    if (!workspaceId || !this.state.workspaces.has(workspaceId)) return page(400, 'No workspace to install into');
    const code = `code_${randomUUID()}`;
    this.state.oauthCodes.set(code, { workspaceId, clientId: config.clientId, expiresAt: this.nowSeconds() + CODE_LIFETIME_SECONDS });
    const target = new URL(redirect);
    target.searchParams.set('code', code);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return { status: 302, headers: { Location: target.toString() }, body: '' };
  }

  /** Returns the problems (spec-level mistakes) alongside the answer so the server can record them. */
  exchange(rawBody: string, contentType: string): OAuthAnswer & { problems: string[] } {
    const problems: string[] = [];
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) problems.push('token exchange must be form-encoded');
    const form = new URLSearchParams(rawBody);
    for (const field of ['code', 'client_id', 'client_secret']) if (!form.get(field)) problems.push(`token exchange is missing ${field}`);
    if (problems.length > 0) return { ...error(400, 'parameter_invalid', problems.join('; ')), problems };
    const config = this.config;
    if (!config || form.get('client_id') !== config.clientId || form.get('client_secret') !== config.clientSecret) {
      return { ...error(401, 'unauthorized', 'Invalid client credentials'), problems };
    }
    const code = this.state.oauthCodes.get(form.get('code')!);
    // Codes are single-use: consumed whether or not they were still valid.
    this.state.oauthCodes.delete(form.get('code')!);
    if (!code || code.clientId !== config.clientId || code.expiresAt < this.nowSeconds()) {
      return { ...error(400, 'invalid_grant', 'Authorization code is invalid or expired'), problems };
    }
    const token = `tok_${randomUUID().replace(/-/g, '')}`;
    this.state.tokens.set(token, code.workspaceId);
    return { status: 200, headers: {}, body: { token_type: 'Bearer', [config.tokenField ?? 'access_token']: token }, problems };
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }
}

function page(status: number, message: string): OAuthAnswer {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!doctype html><title>Fake Intercom OAuth</title><p>${message}</p>`,
  };
}

function error(status: number, code: string, message: string): OAuthAnswer {
  return { status, headers: {}, body: errorListBody(`req_oauth_${randomUUID()}`, code, message) };
}
