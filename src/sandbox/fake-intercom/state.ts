/**
 * The fake Intercom's in-memory world. Plain mutable records, one set per workspace, with ids as strings like the
 * app keeps them; the serialisers (serialize.ts) produce Intercom's 2.16 JSON types from these.
 * Times are unix seconds, as Intercom reports them.
 */
import type { StateCategory } from '../../domain/model';

export type TicketCategory = 'Customer' | 'Back-office' | 'Tracker';

export interface FakeAdmin {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  jobTitle: string | null;
  teamIds: string[];
  awayMode: boolean;
  hasInboxSeat: boolean;
  /** The teammate's Intercom role (REST 2.16 `role`); absent when the test gives none. */
  role?: { id: string; name: string } | null;
}

export interface FakeTeam {
  id: string;
  name: string;
  adminIds: string[];
}

export interface FakeContact {
  id: string;
  externalId: string | null;
  role: 'user' | 'lead';
  name: string | null;
  email: string | null;
  phone: string | null;
  ownerId: string | null;
  createdAt: number;
  signedUpAt: number | null;
  lastSeenAt: number | null;
  browser: string | null;
  os: string | null;
  location: { country: string | null; city: string | null } | null;
  customAttributes: Record<string, unknown>;
  companyIds: string[];
  /** Set when merged: reads answer 410 `contact_merged` pointing here. */
  mergedInto: string | null;
}

export interface FakeCompany {
  id: string;
  companyId: string;
  name: string;
  plan: string | null;
  monthlySpend: number | null;
  size: number | null;
  website: string | null;
  industry: string | null;
  userCount: number;
  customAttributes: Record<string, unknown>;
  createdAt: number;
}

export interface FakeAuthor {
  type: 'admin' | 'user' | 'bot' | 'team';
  id: string;
}

/** A conversation or ticket part. */
export interface FakePart {
  id: string;
  partType: string;
  body: string | null;
  createdAt: number;
  author: FakeAuthor;
  assignedTo: { type: 'admin' | 'team' | 'nobody_admin'; id: string | null } | null;
  /** Ticket parts only: state *categories*, as Intercom reports them. */
  ticketState?: StateCategory;
  previousTicketState?: StateCategory;
  updatedAttributeData?: { attribute: { name: string }; value: unknown };
  /** Created through the REST API (Intercom then sets `app_package_code`), not by a teammate in the Inbox. */
  viaApi?: boolean;
}

export interface FakeLink {
  type: 'ticket' | 'conversation';
  id: string;
  category: TicketCategory | null;
}

export interface FakeConversation {
  id: string;
  title: string | null;
  createdAt: number;
  updatedAt: number;
  waitingSince: number | null;
  snoozedUntil: number | null;
  state: 'open' | 'closed' | 'snoozed';
  read: boolean;
  priority: 'none' | 'low' | 'medium' | 'high' | 'urgent';
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  contactIds: string[];
  companyId: string | null;
  source: { id: string; subject: string; body: string; author: FakeAuthor; deliveredAs: string; createdAt: number };
  parts: FakePart[];
  links: FakeLink[];
  customAttributes: Record<string, unknown>;
}

export interface FakeTicketState {
  id: string;
  category: StateCategory;
  internalLabel: string;
  externalLabel: string;
}

export interface FakeListOption {
  id: string;
  label: string;
}

export interface FakeTicketAttribute {
  id: string;
  name: string;
  description: string;
  dataType: 'string' | 'list' | 'integer' | 'decimal' | 'boolean' | 'datetime' | 'files';
  listOptions: FakeListOption[] | null;
  multiline: boolean;
  requiredToCreate: boolean;
  visibleOnCreate: boolean;
  isDefault: boolean;
  order: number;
}

export interface FakeTicketType {
  id: string;
  name: string;
  description: string;
  icon: string;
  category: TicketCategory;
  isInternal: boolean;
  archived: boolean;
  states: FakeTicketState[];
  attributes: FakeTicketAttribute[];
  createdAt: number;
  updatedAt: number;
}

export interface FakeTicket {
  id: string;
  /** The "#123" number shown in the Inbox, per workspace. */
  ticketNumber: number;
  ticketTypeId: string;
  category: TicketCategory;
  attributes: Record<string, unknown>;
  stateId: string;
  previousStateId: string | null;
  contactIds: string[];
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  open: boolean;
  snoozedUntil: number | null;
  createdAt: number;
  updatedAt: number;
  isShared: boolean;
  companyId: string | null;
  parts: FakePart[];
  links: FakeLink[];
}

export interface FakeWorkspace {
  /** `app.id_code`: the workspace id Canvas Kit and webhooks carry. */
  id: string;
  name: string;
  region: string;
  timezone: string;
  createdAt: number;
  /** The admin `GET /me` answers with (the token's owner). */
  meAdminId: string | null;
  admins: Map<string, FakeAdmin>;
  teams: Map<string, FakeTeam>;
  contacts: Map<string, FakeContact>;
  companies: Map<string, FakeCompany>;
  conversations: Map<string, FakeConversation>;
  ticketTypes: Map<string, FakeTicketType>;
  tickets: Map<string, FakeTicket>;
  nextTicketNumber: number;
}

export interface FakeOAuthCode {
  workspaceId: string;
  clientId: string;
  expiresAt: number;
}

export interface FakeState {
  workspaces: Map<string, FakeWorkspace>;
  /** Access token → workspace id. A token not here gets 401. */
  tokens: Map<string, string>;
  oauthCodes: Map<string, FakeOAuthCode>;
  /** One counter for every generated id, so ids are unique across workspaces and runs are reproducible. */
  sequence: number;
}

export function createState(): FakeState {
  return { workspaces: new Map(), tokens: new Map(), oauthCodes: new Map(), sequence: 0 };
}

export function findTicket(state: FakeState, ticketId: string): { workspace: FakeWorkspace; ticket: FakeTicket } | null {
  for (const workspace of state.workspaces.values()) {
    const ticket = workspace.tickets.get(ticketId);
    if (ticket) return { workspace, ticket };
  }
  return null;
}
