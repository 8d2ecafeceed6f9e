/**
 * The Inbox simulator's HTTP edge, mounted only in sandbox mode: the page, its bundled script and style, and a
 * small JSON API. This is the one sandbox file that touches Express (like src/http/, it only turns requests into
 * plain calls); the handlers live in framework-free modules beside it.
 *
 * The API is unauthenticated on purpose: the sandbox listens on 127.0.0.1 and holds only demo data. It accepts
 * JSON bodies only, which a cross-site page cannot send without a CORS preflight this server never approves, and
 * answers only requests whose Host is the sandbox's own (host-check.ts), which a rebound DNS name is not.
 */
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { reportCanvas } from '../canvas-report';
import { advanceClock, BackOfficeError, backOfficeAction, backOfficeInputSchema, clockInputSchema } from './actions';
import { callCanvas, UnknownTargetError } from './canvas-proxy';
import { isAddressedToSandbox } from './host-check';
import { simulatorPage } from './page';
import type { SimulatorRuntime } from './runtime';
import { findTicket } from '../fake-intercom/state';
import { inboxList, ticketView, transcript } from './views';

export interface SimulatorAssets {
  script: string;
  style: string;
}

/** Images in a canvas may live on any https host, so the page's CSP allows them; scripts stay same-origin. */
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data: https:; script-src 'self'; style-src 'self'; connect-src 'self'; " +
  "frame-ancestors 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";

const canvasCallSchema = z.object({
  conversationId: z.string().min(1).max(64),
  adminId: z.string().min(1).max(64),
  componentId: z.string().max(200).optional(),
  inputValues: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()])).optional(),
  currentCanvas: z.looseObject({}).optional(),
});
const submitCallSchema = canvasCallSchema.extend({ componentId: z.string().min(1).max(200) });
const validateSchema = z.object({ kind: z.enum(['initialize', 'submit']), response: z.unknown() });

export function simulatorRouter(
  runtime: () => SimulatorRuntime | null,
  assets: () => SimulatorAssets,
  allowedHosts: () => ReadonlySet<string>,
): Router {
  const router = Router();
  // Every route here, and only these: the app's own routes (Canvas Kit, webhooks) keep their signature checks.
  // 421 Misdirected Request for anything addressed elsewhere (or to nobody), before any handler runs.
  const ownHostOnly = (req: Request, res: Response, next: NextFunction) => {
    if (isAddressedToSandbox(req.headers.host, allowedHosts())) next();
    else res.status(421).type('text/plain').send('This sandbox answers only requests addressed to it (its own host and port).');
  };
  router.get('/', ownHostOnly);
  router.use('/sandbox', ownHostOnly);
  const json = express.json({ limit: '512kb' });
  const api = (handler: (rt: SimulatorRuntime, req: Request) => Promise<unknown> | unknown) => async (req: Request, res: Response) => {
    const rt = runtime();
    if (!rt) {
      res.status(503).json({ error: 'The sandbox is still starting; reload in a moment.' });
      return;
    }
    try {
      res.json(await handler(rt, req));
    } catch (error) {
      if (error instanceof z.ZodError)
        res.status(400).json({ error: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      else if (error instanceof UnknownTargetError || error instanceof BackOfficeError) res.status(404).json({ error: error.message });
      else {
        rt.application.logger.error({ err: error instanceof Error ? error.message : String(error), path: req.path }, 'sandbox API failed');
        res.status(500).json({ error: 'The sandbox could not do that; see the server log.' });
      }
    }
  };

  router.get('/', (_req, res) => res.redirect(302, '/sandbox'));
  router.get('/favicon.ico', (_req, res) => res.status(204).end());
  router.get('/sandbox', (_req, res) => {
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.type('html').send(simulatorPage());
  });
  router.get('/sandbox/assets/simulator.js', (_req, res) => res.type('application/javascript').send(assets().script));
  router.get('/sandbox/assets/simulator.css', (_req, res) => res.type('text/css').send(assets().style));

  router.get(
    '/sandbox/api/overview',
    api((rt) => {
      const workspace = rt.fake.state.workspaces.get(rt.demo.workspaceId)!;
      return {
        workspace: { id: workspace.id, name: workspace.name, timezone: workspace.timezone },
        now: rt.clock.now(),
        movedMs: rt.movedMs,
        admins: [...workspace.admins.values()].map((a) => ({ id: a.id, name: a.name, jobTitle: a.jobTitle })),
        teams: [...workspace.teams.values()].map((t) => ({ id: t.id, name: t.name })),
        defaultAdminId: rt.demo.admins.agent,
        conversations: inboxList(workspace),
      };
    }),
  );
  router.get(
    '/sandbox/api/conversations/:id',
    api((rt, req) => {
      const view = transcript(rt.fake.state.workspaces.get(rt.demo.workspaceId)!, String(req.params.id));
      if (!view) throw new UnknownTargetError('No such conversation in the sandbox');
      return view;
    }),
  );
  router.get(
    '/sandbox/api/tickets/:id',
    api((rt, req) => {
      const found = findTicket(rt.fake.state, String(req.params.id));
      if (!found || found.workspace.id !== rt.demo.workspaceId) throw new UnknownTargetError('No such ticket in the sandbox');
      const link = found.ticket.links.find((l) => l.type === 'conversation');
      return { ticket: ticketView(found.workspace, found.ticket), conversationId: link?.id ?? null };
    }),
  );
  router.post(
    '/sandbox/api/initialize',
    json,
    api((rt, req) => callCanvas(rt, 'initialize', canvasCallSchema.parse(req.body))),
  );
  router.post(
    '/sandbox/api/submit',
    json,
    api((rt, req) => callCanvas(rt, 'submit', submitCallSchema.parse(req.body))),
  );
  router.post(
    '/sandbox/api/validate',
    json,
    api((_rt, req) => {
      const input = validateSchema.parse(req.body);
      return reportCanvas(input.response, input.kind);
    }),
  );
  router.post(
    '/sandbox/api/back-office',
    json,
    api((rt, req) => backOfficeAction(rt, backOfficeInputSchema.parse(req.body))),
  );
  router.post(
    '/sandbox/api/clock',
    json,
    api((rt, req) => advanceClock(rt, clockInputSchema.parse(req.body).minutes)),
  );
  return router;
}
