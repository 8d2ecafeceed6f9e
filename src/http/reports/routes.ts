/**
 * The reports pages (read-only; the same sign-in, session and headers as the settings pages):
 *   GET /reports                  the page; the period and filters are query parameters of a plain GET form
 *   GET /reports?token=…          sandbox only: the sidebar's one-use link → session → /reports
 *   GET /reports/login            sign in through Intercom OAuth (admins and report viewers)
 *   GET /reports/csv/:table       one table of the page as CSV, for the same period and filters
 *   GET /reports/tickets.csv      every linked ticket, all time, streamed page by page
 * Bad input answers 400 with the form and a message; no session 401, no access 403 (never a 500 for either).
 */
import { type Request, type Response, Router } from 'express';
import { csvLine, tableCsv } from '../../domain/reports/csv';
import { localTime } from '../../domain/reports/period';
import { parseReportQuery } from '../../domain/reports/query';
import { reportTables } from '../../domain/reports/tables';
import type { ReportService } from '../../services/reports/report-service';
import type { Workspace } from '../../store';
import { sendOAuthStart } from '../oauth-start';
import { pageHeaders, sendPage } from '../settings/headers';
import type { SettingsPageDeps } from '../settings/page-deps';
import { fromSandboxLink } from '../settings/sandbox-link';
import { endSession } from '../settings/session';
import { type PageContext, renderReport, renderReportMessage } from './render';
import { checkReportsSession } from './session';
import { REPORTS_CSS } from './styles';

export interface ReportsPageDeps {
  page: SettingsPageDeps;
  reports: ReportService;
  ticketUrl: (workspaceId: string, ticketId: string) => string;
}

export function reportsRoutes(deps: ReportsPageDeps): Router {
  const { page } = deps;
  const router = Router();
  router.get('/reports/assets/reports.css', (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(REPORTS_CSS);
  });
  router.use('/reports', pageHeaders);
  router.get('/reports', (req, res) =>
    page.install.sandbox && req.query['token'] !== undefined ? fromSandboxLink(page, req, res, '/reports') : show(deps, req, res),
  );
  router.get('/reports/login', (_req, res) => {
    if (!sendOAuthStart(page.install, res, 'reports')) {
      const text =
        'Reports are opened by signing in with Intercom, which needs the app’s client id: set INTERCOM_CLIENT_ID and restart Handoff.';
      sendPage(res, 404, renderReportMessage('Sign-in is not available', text, null));
    }
  });
  router.get('/reports/csv/:table', (req, res) => csv(deps, req, res));
  router.get('/reports/tickets.csv', (req, res) => allTickets(deps, req, res));
  return router;
}

type Signed = { workspace: Workspace; ctx: PageContext };

/** The session and the page context, or the refusal already sent. */
async function signedIn(deps: ReportsPageDeps, req: Request, res: Response): Promise<Signed | null> {
  const check = await checkReportsSession(deps.page, req);
  if (!check.ok) {
    if (check.reason !== 'none') endSession(deps.page, res);
    const text =
      check.reason === 'revoked'
        ? 'You may not read this workspace’s reports (Handoff was uninstalled, or you are no longer a settings admin or report viewer).'
        : 'Open Reports from the Handoff sidebar in the Intercom Inbox, or sign in with your Intercom account.';
    const action = deps.page.install.oauthEnabled ? { href: '/reports/login', label: 'Sign in with Intercom' } : undefined;
    sendPage(res, check.reason === 'revoked' ? 403 : 401, renderReportMessage('Sign in to read Handoff reports', text, null, action));
    return null;
  }
  const { workspace } = check;
  const settings = await deps.page.settings.get(workspace.id);
  const teams = new Map<string, string>();
  for (const q of Object.values(settings.queues)) if (q.teamId) teams.set(q.teamId, q.label);
  const search = new URL(req.originalUrl, 'http://x').search;
  return {
    workspace,
    ctx: {
      workspaceName: workspace.name,
      query: search,
      teams: [...teams].map(([id, name]) => ({ id, name })),
      ticketUrl: (ticketId) => deps.ticketUrl(workspace.id, ticketId),
    },
  };
}

function parse(deps: ReportsPageDeps, signed: Signed, req: Request) {
  const query = { ...(req.query as Record<string, unknown>) };
  delete query['token'];
  const zone = signed.workspace.timezone || 'UTC';
  return parseReportQuery(query, deps.page.clock.now(), zone, new Set(signed.ctx.teams.map((t) => t.id)));
}

async function show(deps: ReportsPageDeps, req: Request, res: Response): Promise<void> {
  const signed = await signedIn(deps, req, res);
  if (!signed) return;
  const query = parse(deps, signed, req);
  if (!query.ok) return sendPage(res, 400, renderReportMessage('These reports cannot be shown', query.message, signed.ctx));
  const report = await deps.reports.report(signed.workspace, query.period, query.filters);
  sendPage(res, 200, renderReport(report, query.period, query.filters, signed.ctx));
}

function sendCsvHeaders(res: Response, name: string): void {
  res.status(200).type('text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
}

async function csv(deps: ReportsPageDeps, req: Request, res: Response): Promise<void> {
  const signed = await signedIn(deps, req, res);
  if (!signed) return;
  const query = parse(deps, signed, req);
  if (!query.ok) return void res.status(400).type('text/plain').send(`${query.message}\n`);
  const report = await deps.reports.report(signed.workspace, query.period, query.filters);
  const table = reportTables(report).find((t) => t.id === req.params['table']);
  if (!table) return void res.status(404).type('text/plain').send('There is no such report table.\n');
  sendCsvHeaders(res, `${table.id}-${query.period.current.firstDay}-${query.period.current.lastDay}.csv`);
  res.send(tableCsv(table));
}

const TICKET_COLUMNS = ['Ticket', 'Title', 'Conversation', 'Created', 'State', 'Open', 'Priority', 'Queue', 'Team'];

/** Page by page from the store, each written before the next is read: memory stays one page whatever the size. */
async function allTickets(deps: ReportsPageDeps, req: Request, res: Response): Promise<void> {
  const signed = await signedIn(deps, req, res);
  if (!signed) return;
  const zone = signed.workspace.timezone || 'UTC';
  sendCsvHeaders(res, 'tickets-all-time.csv');
  res.write(csvLine(TICKET_COLUMNS));
  try {
    for await (const page of deps.reports.allTickets(signed.workspace.id)) {
      const chunk = page
        .map((t) =>
          csvLine([
            t.ticketNumber ?? t.ticketId,
            t.title,
            t.conversationId,
            localTime(t.createdAt, zone),
            t.stateCategory,
            t.isOpen ? 'yes' : 'no',
            t.priority,
            t.queue,
            t.teamName ?? t.teamId,
          ]),
        )
        .join('');
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      if (res.destroyed) return;
    }
    res.end();
  } catch (error) {
    deps.page.logger.warn({ workspaceId: signed.workspace.id, error: String(error) }, 'all-time CSV stopped');
    res.destroy();
  }
}
