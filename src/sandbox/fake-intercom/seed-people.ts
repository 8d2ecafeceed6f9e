/** Seeds workspaces (with their tokens), admins, teams, companies and contacts. */
import { nextHexId, nextNumericId } from './ids';
import type { SeedContext } from './seed';
import type { FakeAdmin, FakeCompany, FakeContact, FakeTeam, FakeWorkspace } from './state';

export interface SeededWorkspace {
  id: string;
  /** The access token that reaches this workspace. */
  token: string;
  workspace: FakeWorkspace;
}

const emailFor = (name: string, domain: string) => `${name.toLowerCase().replace(/\W+/g, '.')}@${domain}`;

export function peopleSeeder({ state, now, workspaceById }: SeedContext) {
  return {
    /** A workspace reachable with `token` (default `tok_<id>`). */
    workspace(input: { id?: string; name?: string; region?: string; timezone?: string; token?: string } = {}): SeededWorkspace {
      const id = input.id ?? `ws${nextHexId(state, '').slice(-6)}`;
      const workspace: FakeWorkspace = {
        id,
        name: input.name ?? 'Acme Support',
        region: input.region ?? 'US',
        timezone: input.timezone ?? 'Europe/London',
        createdAt: now(),
        meAdminId: null,
        admins: new Map(),
        teams: new Map(),
        contacts: new Map(),
        companies: new Map(),
        conversations: new Map(),
        ticketTypes: new Map(),
        tickets: new Map(),
        nextTicketNumber: 1,
      };
      state.workspaces.set(id, workspace);
      const token = input.token ?? `tok_${id}`;
      state.tokens.set(token, id);
      return { id, token, workspace };
    },
    /** Another token for a workspace (a second install, a rotated token). */
    token(workspaceId: string, token: string): void {
      workspaceById(workspaceId);
      state.tokens.set(token, workspaceId);
    },
    revokeToken(token: string): void {
      state.tokens.delete(token);
    },
    /** What uninstalling the app does in Intercom: every token reaching the workspace stops working. */
    uninstallApp(workspaceId: string): void {
      for (const [token, id] of state.tokens) if (id === workspaceId) state.tokens.delete(token);
    },
    /** The first admin of a workspace is the token's owner (`GET /me`) unless another is marked `me`. */
    admin(
      workspaceId: string,
      input: { name: string; email?: string; emailVerified?: boolean; jobTitle?: string; me?: boolean },
    ): FakeAdmin {
      const workspace = workspaceById(workspaceId);
      const admin: FakeAdmin = {
        id: nextNumericId(state, 991_267_000),
        name: input.name,
        email: input.email ?? emailFor(input.name, 'example.com'),
        emailVerified: input.emailVerified ?? true,
        jobTitle: input.jobTitle ?? null,
        teamIds: [],
        awayMode: false,
        hasInboxSeat: true,
      };
      workspace.admins.set(admin.id, admin);
      if (input.me || workspace.meAdminId === null) workspace.meAdminId = admin.id;
      return admin;
    },
    team(workspaceId: string, input: { name: string; adminIds?: string[] }): FakeTeam {
      const workspace = workspaceById(workspaceId);
      const team: FakeTeam = { id: nextNumericId(state, 5_000), name: input.name, adminIds: [...(input.adminIds ?? [])] };
      for (const adminId of team.adminIds) workspace.admins.get(adminId)?.teamIds.push(team.id);
      workspace.teams.set(team.id, team);
      return team;
    },
    company(workspaceId: string, input: Partial<Omit<FakeCompany, 'id'>> & { name: string }): FakeCompany {
      const workspace = workspaceById(workspaceId);
      const company: FakeCompany = {
        id: nextHexId(state, '6762f3a1'),
        companyId: input.companyId ?? `acct_${state.sequence}`,
        name: input.name,
        plan: input.plan ?? null,
        monthlySpend: input.monthlySpend ?? null,
        size: input.size ?? null,
        website: input.website ?? null,
        industry: input.industry ?? null,
        userCount: input.userCount ?? 1,
        customAttributes: { ...input.customAttributes },
        createdAt: input.createdAt ?? now(),
      };
      workspace.companies.set(company.id, company);
      return company;
    },
    contact(workspaceId: string, input: Partial<Omit<FakeContact, 'id'>> & { name: string }): FakeContact {
      const workspace = workspaceById(workspaceId);
      const contact: FakeContact = {
        id: nextHexId(state, '6762f2d8'),
        externalId: input.externalId ?? null,
        role: input.role ?? 'user',
        name: input.name,
        email: input.email === undefined ? emailFor(input.name, 'customer.example') : input.email,
        phone: input.phone ?? null,
        ownerId: input.ownerId ?? null,
        createdAt: input.createdAt ?? now(),
        signedUpAt: input.signedUpAt ?? null,
        lastSeenAt: input.lastSeenAt ?? null,
        browser: input.browser ?? null,
        os: input.os ?? null,
        location: input.location ?? null,
        customAttributes: { ...input.customAttributes },
        companyIds: [...(input.companyIds ?? [])],
        mergedInto: input.mergedInto ?? null,
      };
      workspace.contacts.set(contact.id, contact);
      return contact;
    },
    /** Marks `fromId` as merged into `intoId`: reading it then answers 410 with a canonical Link. */
    mergeContact(workspaceId: string, fromId: string, intoId: string): void {
      const contact = workspaceById(workspaceId).contacts.get(fromId);
      if (!contact) throw new Error(`No contact ${fromId}`);
      contact.mergedInto = intoId;
    },
  };
}
