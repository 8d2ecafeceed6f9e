/**
 * The sandbox's demo workspace: a support org with front-line agents, a team lead, a manager and back-office
 * specialists; one team per routing queue plus an "SLA Breach" team; customers on every tier, some close to
 * renewal; a Customer ticket type and the Back-office type Handoff escalates into; a Tracker type with two open
 * incidents, so linking, starting and resolving an incident can be tried. Dates are relative to the sandbox clock so
 * "renewal in 3 weeks" stays true whenever the demo is started.
 */
import type { QueueKey } from '../domain/model';
import type { FakeIntercom } from './fake-intercom';
import { type DemoBackOffice, seedDemoTicketTypes, seedQueueTeams } from './fake-intercom/demo-seed';
import { type DemoPeople, seedDemoConversations } from './demo-conversations';

export interface SandboxDemo {
  workspaceId: string;
  token: string;
  admins: { agent: string; agent2: string; lead: string; manager: string; billing: string; engineer: string };
  teams: Record<QueueKey, string> & { frontLine: string; breach: string };
  /** Teammates' and teams' names by id, as Intercom's directory gives them. */
  names: Readonly<Record<string, string>>;
  /** Conversation ids by meaning, in the order the simulator lists them. */
  conversations: Record<string, string>;
  backOffice: DemoBackOffice;
  /** The Tracker ticket type ("Incident") and its open trackers by meaning. */
  incidents: { ticketTypeId: string; trackers: Record<'sso' | 'exports', string> };
}

const DAY_S = 86_400;

/**
 * Open incidents the engineering team already tracks, none linked yet: about problems some demo conversations
 * report in other words, so the search finds them, while the 502 outage stays one to start from the hint.
 */
function seedDemoIncidents(seed: FakeIntercom['seed'], workspaceId: string, contactId: string, now: number): SandboxDemo['incidents'] {
  const type = seed.ticketType(workspaceId, { name: 'Incident', category: 'Tracker', description: 'Problems many customers report' });
  const tracker = (title: string, hoursAgo: number) =>
    seed.ticket(workspaceId, {
      ticketTypeId: type.id,
      contactId,
      attributes: { _default_title_: title },
      state: 'in_progress',
      createdAt: now - hoursAgo * 3_600,
    }).id;
  return {
    ticketTypeId: type.id,
    trackers: { sso: tracker('SSO sign-in fails for contractor accounts', 20), exports: tracker('Large exports time out', 5) },
  };
}

/** An ISO date `days` from now: company custom attributes are strings in the 2.16 schema. */
function isoDateIn(nowSeconds: number, days: number): string {
  return new Date((nowSeconds + days * DAY_S) * 1000).toISOString().slice(0, 10);
}

export function seedSandboxDemo(fake: FakeIntercom, nowMs: number): SandboxDemo {
  const now = Math.floor(nowMs / 1000);
  const { seed } = fake;
  const { id: ws, token } = seed.workspace({
    id: 'sandbox1',
    name: 'Acme Cloud Support',
    timezone: 'Europe/London',
    token: 'sandbox-token',
  });
  // The installer (GET /me) is the manager: installing an app takes a workspace admin.
  const manager = seed.admin(ws, { name: 'Morgan Reyes', jobTitle: 'Support manager', me: true });
  const agent = seed.admin(ws, { name: 'Alex Kim', jobTitle: 'Support agent' });
  const agent2 = seed.admin(ws, { name: 'Priya Natarajan', jobTitle: 'Support agent' });
  const lead = seed.admin(ws, { name: 'Lee Okafor', jobTitle: 'Team lead, escalations' });
  const billing = seed.admin(ws, { name: 'Bo Lindqvist', jobTitle: 'Billing specialist' });
  const engineer = seed.admin(ws, { name: 'Tess Moreau', jobTitle: 'Support engineer' });

  const backOfficeMembers: Record<QueueKey, string[]> = {
    vip: [lead.id, manager.id],
    technical: [engineer.id, lead.id],
    account_risk: [lead.id, manager.id],
    billing_legal: [billing.id, lead.id],
    default: [lead.id],
  };
  const queueTeams = seedQueueTeams(seed, ws, (queue) => backOfficeMembers[queue]);
  const frontLine = seed.team(ws, { name: 'Front line', adminIds: [agent.id, agent2.id] });
  const breach = seed.team(ws, { name: 'SLA Breach', adminIds: [manager.id] });

  const company = (name: string, plan: string, spend: number, tier: string, renewalDays: number | null, size: number) =>
    seed.company(ws, {
      name,
      plan,
      monthlySpend: spend,
      size,
      industry: 'Software',
      customAttributes: { tier, ...(renewalDays === null ? {} : { renewal_date: isoDateIn(now, renewalDays) }) },
    }).id;
  const companies = {
    globex: company('Globex Corporation', 'Enterprise', 24_000, 'enterprise', 190, 4200),
    stark: company('Stark Logistics', 'Business', 2_400, 'pro', 19, 340),
    hooli: company('Hooli XYZ', 'Business', 1_900, 'pro', 240, 800),
    initech: company('Initech', 'Starter', 49, 'standard', null, 12),
    umbrella: company('Umbrella Health', 'Enterprise', 18_000, 'enterprise', 95, 2600),
    muster: company('Muster GmbH', 'Business', 1_200, 'pro', 33, 60),
  };

  const people: DemoPeople = {
    admins: { agent: agent.id, agent2: agent2.id, engineer: engineer.id, lead: lead.id },
    companies,
    contacts: {},
  };
  const person = (key: string, name: string, companyKey: keyof typeof companies, extra: Record<string, unknown> = {}, city = 'London') => {
    const contact = seed.contact(ws, {
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@${companyKey}.example`,
      companyIds: [companies[companyKey]],
      customAttributes: extra,
      browser: 'chrome',
      os: 'macOS 15',
      location: { country: city === 'Berlin' ? 'Germany' : 'United Kingdom', city },
      createdAt: now - 400 * DAY_S,
    });
    people.contacts[key] = { id: contact.id, companyId: companies[companyKey] };
  };
  // Contacts carry tier and renewal too: the sidebar sees the contact the request names, not its company.
  person('vera', 'Vera Importante', 'globex', { tier: 'VIP', renewal_date: isoDateIn(now, 190) });
  person('victor', 'Victor Chen', 'globex', { tier: 'VIP' });
  person('omar', 'Omar Haddad', 'hooli', { tier: 'pro' });
  person('jade', 'Jade Park', 'hooli', { tier: 'pro' });
  person('pat', 'Pat Doyle', 'stark', { tier: 'pro', renewal_date: isoDateIn(now, 19), high_risk: 'yes' });
  person('sam', 'Sam Rivera', 'initech', {});
  person('lina', 'Lina Osei', 'initech', {});
  person('rita', 'Rita Rossi', 'umbrella', { tier: 'enterprise' });
  person('noah', 'Noah Fischer', 'umbrella', { tier: 'enterprise' });
  person('klaus', 'Klaus Becker', 'muster', { tier: 'pro', renewal_date: isoDateIn(now, 33) }, 'Berlin');
  person('erin', 'Erin Walsh', 'stark', { tier: 'pro' });

  const directory = fake.state.workspaces.get(ws)!;
  const names = Object.fromEntries([...directory.admins.values(), ...directory.teams.values()].map((entry) => [entry.id, entry.name]));
  const { backOffice } = seedDemoTicketTypes(seed, ws);
  const conversations = seedDemoConversations(seed, ws, people, now);
  const incidents = seedDemoIncidents(seed, ws, people.contacts['jade']!.id, now);

  return {
    workspaceId: ws,
    token,
    admins: { agent: agent.id, agent2: agent2.id, lead: lead.id, manager: manager.id, billing: billing.id, engineer: engineer.id },
    teams: { ...queueTeams, frontLine: frontLine.id, breach: breach.id },
    names,
    conversations,
    backOffice,
    incidents,
  };
}
