/**
 * One realistic workspace for tests: three teammates, a team per routing queue, customers on each tier, a few
 * conversations that exercise the escalation signals, a Customer ticket type, and the Back-office type Handoff
 * uses, with its P1–P4 "Priority" and "Queue" list attributes. Returns the ids a test needs, by meaning.
 *
 * The queue teams and the two ticket types are seeded by the functions below, which the sandbox's larger demo
 * (src/sandbox/demo-data.ts) uses too: both worlds name their queues and shape their Back-office type one way.
 */
import { PRIORITIES, type Priority, QUEUE_KEYS, QUEUE_LABELS, type QueueKey, type StateCategory } from '../../domain/model';
import type { Seeder } from './seed';

export interface DemoWorkspace {
  workspaceId: string;
  token: string;
  admins: { agent: string; lead: string; manager: string };
  teams: Record<QueueKey, string>;
  companies: { enterprise: string; standard: string };
  contacts: { vip: string; standard: string; merged: string };
  conversations: { refund: string; outage: string; howTo: string };
  customerTicketTypeId: string;
  backOffice: DemoBackOffice;
}

/** The Back-office ticket type Handoff escalates into: its states and list options by meaning. */
export interface DemoBackOffice {
  ticketTypeId: string;
  states: Record<StateCategory, string>;
  priorityAttribute: { name: string; options: Record<Priority, string> };
  queueAttribute: { name: string; options: Record<QueueKey, string> };
}

export interface DemoWorkspaceOptions {
  id?: string;
  token?: string;
  name?: string;
  region?: string;
}

export function seedDemoWorkspace(seed: Seeder, options: DemoWorkspaceOptions = {}): DemoWorkspace {
  const { id, token } = seed.workspace({
    id: options.id ?? 'demo1abc',
    token: options.token,
    name: options.name ?? 'Acme Support',
    region: options.region,
  });
  const agent = seed.admin(id, { name: 'Alex Agent', jobTitle: 'Support agent' });
  const lead = seed.admin(id, { name: 'Lee Lead', jobTitle: 'Team lead' });
  const manager = seed.admin(id, { name: 'Morgan Manager', jobTitle: 'Support manager' });
  const teams = seedQueueTeams(seed, id, () => [lead.id, manager.id]);

  // Company custom attributes are strings in the 2.16 schema, so the renewal date is an ISO date here.
  const renewal = '2026-12-15';
  const enterprise = seed.company(id, {
    name: 'Globex Corp',
    plan: 'Enterprise',
    monthlySpend: 12_000,
    customAttributes: { tier: 'enterprise', renewal_date: renewal },
  });
  const standard = seed.company(id, { name: 'Initech', plan: 'Starter', monthlySpend: 49, customAttributes: { tier: 'standard' } });
  const vip = seed.contact(id, {
    name: 'Vera Importante',
    email: 'vera@globex.example',
    companyIds: [enterprise.id],
    customAttributes: { tier: 'VIP' },
  });
  const regular = seed.contact(id, { name: 'Sam Standard', email: 'sam@initech.example', companyIds: [standard.id] });
  const merged = seed.contact(id, { name: 'Sam (old)', email: 'sam.old@initech.example' });
  seed.mergeContact(id, merged.id, regular.id);

  const refund = seed.conversation(id, {
    contactId: regular.id,
    title: 'Refund for double charge',
    companyId: standard.id,
    messages: [
      { from: 'contact', body: '<p>I was charged twice this month. I want a refund or I will file a chargeback.</p>' },
      { from: { adminId: agent.id }, body: '<p>Sorry about that! Let me check the invoice.</p>' },
      { from: 'contact', body: '<p>This is the THIRD time I ask. Invoice INV-2041.</p>' },
    ],
  });
  const outage = seed.conversation(id, {
    contactId: vip.id,
    title: 'Dashboard not working',
    companyId: enterprise.id,
    priority: 'urgent',
    adminAssigneeId: agent.id,
    messages: [
      {
        from: 'contact',
        body: '<p>Our dashboard is not working since 9:00, error 502 on <a href="https://app.example/dash">the dashboard</a>.</p>',
      },
      { from: { adminId: agent.id }, partType: 'note', body: '<p>Looks like the outage reported by others.</p>' },
    ],
  });
  const howTo = seed.conversation(id, {
    contactId: regular.id,
    title: 'How do I export a report?',
    messages: [{ from: 'contact', body: '<p>How do I export last month as CSV?</p>' }],
  });

  const { customerTicketTypeId, backOffice } = seedDemoTicketTypes(seed, id);

  return {
    workspaceId: id,
    token,
    admins: { agent: agent.id, lead: lead.id, manager: manager.id },
    teams,
    companies: { enterprise: enterprise.id, standard: standard.id },
    contacts: { vip: vip.id, standard: regular.id, merged: merged.id },
    conversations: { refund: refund.id, outage: outage.id, howTo: howTo.id },
    customerTicketTypeId,
    backOffice,
  };
}

/** One team per routing queue, named by QUEUE_LABELS, with the members `membersOf` gives it. */
export function seedQueueTeams(seed: Seeder, workspaceId: string, membersOf: (queue: QueueKey) => string[]): Record<QueueKey, string> {
  return Object.fromEntries(
    QUEUE_KEYS.map((queue) => [queue, seed.team(workspaceId, { name: QUEUE_LABELS[queue], adminIds: membersOf(queue) }).id]),
  ) as Record<QueueKey, string>;
}

/** A Customer ticket type, and the Back-office type with its P1–P4 "Priority" and "Queue" list attributes. */
export function seedDemoTicketTypes(seed: Seeder, workspaceId: string): { customerTicketTypeId: string; backOffice: DemoBackOffice } {
  const customerType = seed.ticketType(workspaceId, { name: 'Customer request', category: 'Customer' });
  const backOffice = seed.ticketType(workspaceId, {
    name: 'Back-office escalation',
    category: 'Back-office',
    description: 'Escalations from chat to the back-office teams',
    attributes: [
      { name: 'Priority', options: [...PRIORITIES], description: 'P1 (critical) to P4 (low)' },
      { name: 'Queue', options: QUEUE_KEYS.map((queue) => QUEUE_LABELS[queue]) },
    ],
  });
  const optionIds = (name: string) =>
    backOffice.attributes.find((attribute) => attribute.name === name)!.listOptions!.map((option) => option.id);
  const priorityIds = optionIds('Priority');
  const queueIds = optionIds('Queue');
  return {
    customerTicketTypeId: customerType.id,
    backOffice: {
      ticketTypeId: backOffice.id,
      states: Object.fromEntries(backOffice.states.map((state) => [state.category, state.id])) as Record<StateCategory, string>,
      priorityAttribute: {
        name: 'Priority',
        options: Object.fromEntries(PRIORITIES.map((p, i) => [p, priorityIds[i]!])) as Record<Priority, string>,
      },
      queueAttribute: {
        name: 'Queue',
        options: Object.fromEntries(QUEUE_KEYS.map((q, i) => [q, queueIds[i]!])) as Record<QueueKey, string>,
      },
    },
  };
}
