/** The simulator page's calls to the sandbox JSON API, and the shapes it answers with. */
// The server's view types, shared by type only (erased from the browser bundle), so the two sides cannot drift.
import type { PartView as Part, TicketView as Ticket } from '../views';

export interface Admin {
  id: string;
  name: string;
  jobTitle: string | null;
}

export interface ConversationSummary {
  id: string;
  title: string;
  contact: string;
  company: string | null;
  tier: string | null;
  preview: string;
  updatedAt: number;
  state: string;
  ticketCount: number;
}

export interface Overview {
  workspace: { id: string; name: string; timezone: string };
  now: number;
  movedMs: number;
  admins: Admin[];
  teams: { id: string; name: string }[];
  defaultAdminId: string;
  conversations: ConversationSummary[];
}

export type { Part, Ticket };

export interface Transcript {
  id: string;
  title: string;
  state: string;
  contact: { name: string; attributes: Record<string, string> } | null;
  company: { name: string; plan: string | null; attributes: Record<string, string> } | null;
  parts: Part[];
  tickets: Ticket[];
}

export interface CanvasReport {
  kind: 'initialize' | 'submit';
  ok: boolean;
  problems: string[];
  contentBytes: number;
  storedDataBytes: number;
  estimatedHeightPx: number | null;
  first: boolean;
}

export interface CanvasExchange {
  kind: 'initialize' | 'submit';
  status: number;
  durationMs: number;
  response: unknown;
  report: CanvasReport;
  requestBytes: number;
}

export interface OutsideResult {
  webhook: { topic: string; status: number; error: string | null } | null;
  jobs: Record<string, number>;
  now?: number;
}

export class ApiError extends Error {}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/sandbox/api/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(json.error ?? `The sandbox answered ${response.status}`);
  return json as T;
}

export const api = {
  overview: () => call<Overview>('GET', 'overview'),
  conversation: (id: string) => call<Transcript>('GET', `conversations/${encodeURIComponent(id)}`),
  ticket: (id: string) => call<{ ticket: Ticket; conversationId: string | null }>('GET', `tickets/${encodeURIComponent(id)}`),
  initialize: (body: { conversationId: string; adminId: string }) => call<CanvasExchange>('POST', 'initialize', body),
  submit: (body: {
    conversationId: string;
    adminId: string;
    componentId: string;
    inputValues: Record<string, unknown>;
    currentCanvas: unknown;
  }) => call<CanvasExchange>('POST', 'submit', body),
  validate: (kind: 'initialize' | 'submit', response: unknown) => call<CanvasReport>('POST', 'validate', { kind, response }),
  backOffice: (body: Record<string, string>) => call<OutsideResult>('POST', 'back-office', body),
  advanceClock: (minutes: number) => call<OutsideResult>('POST', 'clock', { minutes }),
};
