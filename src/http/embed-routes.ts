/**
 * The case-status embed's two routes, called from the company's own site:
 *   GET /embed/handoff-embed.js   the browser module (bundled from src/embed/client with esbuild at start-up)
 *   GET /embed/requests?app_id=…  the signed-in user's requests; `Authorization: Bearer <intercom_user_jwt>`
 * CORS answers only the origins the workspace's admin listed (no wildcard, no credentials: the JWT is the
 * credential), every request is rate limited per client address and per workspace, and every answer is
 * `no-store`. Refusals are bare codes: nothing says which check failed.
 */
import { type Request, type Response, Router } from 'express';
import type { CustomerCaseView } from '../domain/customer-updates/case-view';
import { isLanguage } from '../domain/triage/language';
import { type EmbedDeps, embedRequests } from '../services/customer-cases/embed';
import { createContactResolver } from '../services/customer-cases/identity';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { embedScript } from './embed-bundle';
import { createRateLimit, type RateLimit } from './rate-limit';

export interface EmbedRouteDeps {
  embed: EmbedDeps;
  clock: Clock;
  logger: Logger;
  /** The bundled browser module (built once, at start-up). */
  script: () => Promise<string>;
}

/** Generous for a page that loads the list once and refreshes it now and then; tight for a script hammering it. */
const PER_CLIENT = { limit: 30, windowMs: 60_000 };
const PER_WORKSPACE = { limit: 600, windowMs: 60_000 };
const ID = /^[A-Za-z0-9_-]{1,128}$/;

export function embedRoutes(deps: EmbedRouteDeps): Router {
  const router = Router();
  const perClient = createRateLimit(deps.clock, PER_CLIENT);
  const perWorkspace = createRateLimit(deps.clock, PER_WORKSPACE);
  const log = deps.logger.child({ surface: 'embed' });

  router.get('/embed/handoff-embed.js', async (_req, res) => {
    const script = await deps.script();
    // helmet's same-origin resource policy would stop other sites' <script src> from loading it.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/javascript').send(script);
  });

  router.options('/embed/requests', async (req, res) => {
    const origin = await allowedOrigin(deps, req);
    if (!origin) return void res.status(403).end();
    corsHeaders(res, origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });

  router.get('/embed/requests', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const workspaceId = String(req.query['app_id'] ?? '');
    if (!limited(res, perClient, `ip:${req.ip ?? 'unknown'}`) || !limited(res, perWorkspace, `ws:${workspaceId}`)) return;
    if (!ID.test(workspaceId)) return void res.status(400).json({ error: 'bad_request' });
    const origin = req.get('origin');
    if (origin !== undefined) {
      const allowed = await allowedOrigin(deps, req);
      // A browser on a site the admin did not list: no CORS headers, so its page cannot read anything.
      if (!allowed) return void res.status(403).json({ error: 'forbidden' });
      corsHeaders(res, allowed);
    }
    const contactParam = req.query['contact_id'];
    const contactId = typeof contactParam === 'string' && ID.test(contactParam) ? contactParam : null;
    if (contactParam !== undefined && contactId === null) return void res.status(400).json({ error: 'bad_request' });
    const token = bearer(req);
    if (!token) return void res.status(401).setHeader('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized' });
    const locale = String(req.query['locale'] ?? '')
      .slice(0, 2)
      .toLowerCase();
    const answer = await embedRequests(deps.embed, { workspaceId, token, contactId, language: isLanguage(locale) ? locale : null });
    if (answer.status !== 200) {
      log.info({ workspaceId, status: answer.status }, 'embed request refused');
      return void res.status(answer.status).json({ error: answer.status === 401 ? 'unauthorized' : 'forbidden' });
    }
    res.json({ requests: answer.requests.map(wire) });
  });
  return router;
}

function limited(res: Response, limit: RateLimit, key: string): boolean {
  const wait = limit.take(key);
  if (wait === null) return true;
  res.setHeader('Retry-After', String(wait));
  res.status(429).json({ error: 'rate_limited' });
  return false;
}

function bearer(req: Request): string | null {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9._-]{1,4096})$/.exec(header);
  return match ? match[1]! : null;
}

async function allowedOrigin(deps: EmbedRouteDeps, req: Request): Promise<string | null> {
  const origin = req.get('origin')?.toLowerCase();
  const workspaceId = String(req.query['app_id'] ?? '');
  if (!origin || !ID.test(workspaceId)) return null;
  const settings = await deps.embed.settings.get(workspaceId).catch(() => null);
  return settings?.customer.embedOrigins.includes(origin) ? origin : null;
}

function corsHeaders(res: Response, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
}

/** The JSON a site receives: the customer-safe view, in snake_case as web APIs are read. */
function wire(item: CustomerCaseView) {
  return {
    id: item.id,
    reference: item.reference,
    title: item.title,
    state: item.state,
    status: item.stateName,
    updated_at: new Date(item.changedAt).toISOString(),
    waiting_on_you: item.waitingOnCustomer,
    conversation_id: item.conversationId,
  };
}

/** The routes with their dependencies built from the application's services: one call in the wiring. */
export function createEmbedRoutes(input: { services: Omit<EmbedDeps, 'contacts'>; logger: Logger }): Router {
  const embed: EmbedDeps = { ...input.services, contacts: createContactResolver(input.services) };
  return embedRoutes({ embed, clock: input.services.clock, logger: input.logger, script: embedScript() });
}
