/**
 * The sandbox's customer view, beside the Inbox simulator (sandbox mode only, same-host checks as the simulator):
 *   GET /sandbox/customer                      the demo customer site with Handoff's embed
 *   GET /sandbox/customer/widget.js            the Messenger widget stand-in (see client/widget-stand-in.ts)
 *   GET /sandbox/customer/card                 the "Your requests" card, from the app's signed Messenger initialize
 *   GET /sandbox/customer/conversations/:id    the demo customer's conversation as they see it (public replies only)
 * The sandbox plays the company's server: it signs the customer's `intercom_user_jwt` with this run's secret.
 */
import { Router } from 'express';
import { SignJWT } from 'jose';
import { signBody } from '../../http/signature';
import { htmlToText } from '../../domain/text';
import type { SimulatorRuntime } from '../simulator/runtime';
import { CUSTOMER_PAGE_CSP, CUSTOMER_SITE_CSS, CUSTOMER_SITE_SCRIPT, customerPage } from './page';
import type { CustomerView } from './prepare';

export interface CustomerViewRuntime {
  simulator: SimulatorRuntime;
  view: CustomerView;
}

const JWT_LIFETIME_S = 3600;

export function customerViewRouter(runtime: () => CustomerViewRuntime | null, widgetScript: () => Promise<string>): Router {
  const router = Router();
  router.get('/sandbox/customer', async (req, res) => {
    const rt = runtime();
    if (!rt) return void res.status(503).type('text/plain').send('The sandbox is still starting; reload in a moment.');
    const { simulator, view } = rt;
    const now = Math.floor(simulator.clock.now() / 1000);
    const userJwt = await new SignJWT({ user_id: view.userId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + JWT_LIFETIME_S)
      .sign(new TextEncoder().encode(view.secret));
    const contact = simulator.fake.state.workspaces.get(simulator.demo.workspaceId)?.contacts.get(view.contactId);
    // `?widget=intercom` leaves the SDK on Intercom's own widget URL (a browser test routes that URL to the stand-in).
    const widgetUrl = req.query['widget'] === 'intercom' ? null : '/sandbox/customer/widget.js';
    res.setHeader('Content-Security-Policy', CUSTOMER_PAGE_CSP);
    res
      .type('html')
      .send(customerPage({ appId: simulator.demo.workspaceId, userJwt, customerName: contact?.name ?? 'the customer', widgetUrl }));
  });
  router.get('/sandbox/customer/site.js', (_req, res) => void res.type('application/javascript').send(CUSTOMER_SITE_SCRIPT));
  router.get('/sandbox/customer/site.css', (_req, res) => void res.type('text/css').send(CUSTOMER_SITE_CSS));
  router.get('/sandbox/customer/widget.js', async (_req, res) => {
    res.type('application/javascript').send(await widgetScript());
  });

  router.get('/sandbox/customer/card', async (_req, res) => {
    const rt = runtime();
    if (!rt) return void res.status(503).json({ lines: ['The sandbox is still starting; reload in a moment.'] });
    const { simulator, view } = rt;
    const raw = JSON.stringify({
      workspace_id: simulator.demo.workspaceId,
      workspace_region: 'US',
      context: { location: 'home', locale: 'en' },
      user: { type: 'user', id: view.contactId, role: 'user' },
    });
    // Signed exactly as Intercom signs a Messenger request, to the app's real route.
    const answer = await fetch(`${simulator.appUrl}/intercom/messenger/initialize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Body-Signature': signBody('canvas', raw, simulator.clientSecret) },
      body: raw,
    });
    const body = (await answer.json()) as { canvas?: { content?: { components?: { type: string; text?: string }[] } } };
    const lines = (body.canvas?.content?.components ?? []).flatMap((c) => (c.type === 'text' && c.text ? [c.text] : []));
    res.json({ lines });
  });

  router.get('/sandbox/customer/conversations/:id', (req, res) => {
    const rt = runtime();
    const workspace = rt?.simulator.fake.state.workspaces.get(rt.simulator.demo.workspaceId);
    const conversation = workspace?.conversations.get(req.params['id'] ?? '');
    // Only the demo customer's own conversations, as the Messenger would show them to that customer.
    if (!rt || !conversation?.contactIds.includes(rt.view.contactId)) return void res.status(404).json({ parts: [] });
    const source = { author: 'you' as const, text: htmlToText(conversation.source.body) };
    const replies = conversation.parts
      .filter((part) => part.partType === 'comment' && part.body)
      .map((part) => ({ author: part.author.type === 'user' ? ('you' as const) : ('team' as const), text: htmlToText(part.body ?? '') }));
    res.json({ parts: [source, ...replies] });
  });
  return router;
}
