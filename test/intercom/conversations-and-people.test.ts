import type { IntercomClient } from '../../src/intercom';
import { bodiesFor, type ClientHarness, useClientHarness } from './support';

describe('conversations, contacts, companies, admins, teams and /me against the fake Intercom', () => {
  let h: ClientHarness;
  let client: IntercomClient;

  useClientHarness((started) => {
    h = started;
    client = h.client();
  });

  it('reads a conversation with its parts, 2.16 assignee integers normalised to string ids', async () => {
    const conversation = await client.conversations.get(h.demo.conversations.refund);
    expect(conversation.id).toBe(h.demo.conversations.refund);
    expect(conversation.admin_assignee_id).toBeNull();
    expect(conversation.contacts.contacts[0]!.id).toBe(h.demo.contacts.standard);
    expect(conversation.source?.body).toContain('<p>I was charged twice');
    expect(conversation.conversation_parts.total_count).toBe(2);
    const outage = await client.conversations.get(h.demo.conversations.outage);
    expect(outage.admin_assignee_id).toBe(h.demo.admins.agent);
    expect(outage.priority).toBe('urgent');
  });

  it('asks for plain text with display_as=plaintext', async () => {
    const conversation = await client.conversations.get(h.demo.conversations.outage, { plaintext: true });
    expect(conversation.source?.body).toBe(
      'Our dashboard is not working since 9:00, error 502 on the dashboard (https://app.example/dash).',
    );
    expect(h.fake.requests.at(-1)!.query).toEqual({ display_as: 'plaintext' });
  });

  it('posts a note and runs assign, snooze, close and open as string-id parts', async () => {
    const { agent } = h.demo.admins;
    const id = h.demo.conversations.refund;
    const noted = await client.conversations.reply(id, { adminId: agent, body: '<p>Escalated to back-office ticket #1</p>' });
    expect(noted.conversation_parts.conversation_parts.at(-1)).toMatchObject({ part_type: 'note', author: { type: 'admin', id: agent } });

    expect(
      (await client.conversations.assign(id, { adminId: agent, assigneeType: 'team', assigneeId: h.demo.teams.billing_legal }))
        .team_assignee_id,
    ).toBe(h.demo.teams.billing_legal);
    expect((await client.conversations.assign(id, { adminId: agent, assigneeType: 'admin', assigneeId: agent })).admin_assignee_id).toBe(
      agent,
    );
    expect(
      (await client.conversations.assign(id, { adminId: agent, assigneeType: 'admin', assigneeId: null })).admin_assignee_id,
    ).toBeNull();
    const snoozed = await client.conversations.snooze(id, { adminId: agent, snoozedUntil: 1_800_000_000 });
    expect(snoozed).toMatchObject({ state: 'snoozed', snoozed_until: 1_800_000_000, open: true });
    expect((await client.conversations.close(id, { adminId: agent })).state).toBe('closed');
    expect((await client.conversations.open(id, { adminId: agent })).state).toBe('open');

    expect(bodiesFor(h.fake, 'POST', /\/parts$/)).toEqual([
      { message_type: 'assignment', type: 'team', admin_id: agent, assignee_id: h.demo.teams.billing_legal },
      { message_type: 'assignment', type: 'admin', admin_id: agent, assignee_id: agent },
      { message_type: 'assignment', type: 'admin', admin_id: agent, assignee_id: '0' },
      { message_type: 'snoozed', admin_id: agent, snoozed_until: 1_800_000_000 },
      { message_type: 'close', type: 'admin', admin_id: agent },
      { message_type: 'open', admin_id: agent },
    ]);
  });

  it('reads a contact and its companies', async () => {
    const contact = await client.contacts.get(h.demo.contacts.vip);
    expect(contact).toMatchObject({ name: 'Vera Importante', email: 'vera@globex.example', custom_attributes: { tier: 'VIP' } });
    expect(contact.companies.map((company) => company.id)).toEqual([h.demo.companies.enterprise]);
    const companies = await client.contacts.listCompanies(h.demo.contacts.vip);
    expect(companies.map((company) => company.name)).toEqual(['Globex Corp']);
    expect(companies[0]!.custom_attributes['tier']).toBe('enterprise');
  });

  it('follows a merged contact (410 contact_merged) to the canonical one, once', async () => {
    const contact = await client.contacts.get(h.demo.contacts.merged);
    expect(contact.id).toBe(h.demo.contacts.standard);
    expect(h.fake.requests.map((request) => [request.path, request.status])).toEqual([
      [`/contacts/${h.demo.contacts.merged}`, 410],
      [`/contacts/${h.demo.contacts.standard}`, 200],
    ]);
  });

  it('reads a company, admins, teams and /me', async () => {
    const company = await client.companies.get(h.demo.companies.enterprise);
    expect(company).toMatchObject({ name: 'Globex Corp', plan: { name: 'Enterprise' }, monthly_spend: 12_000 });
    const admins = await client.admins.list();
    expect(admins.map((admin) => admin.name)).toEqual(['Alex Agent', 'Lee Lead', 'Morgan Manager']);
    expect(admins[1]!.team_ids).toHaveLength(5);
    expect((await client.admins.get(h.demo.admins.manager)).name).toBe('Morgan Manager');
    const teams = await client.teams.list();
    expect(teams.find((team) => team.id === h.demo.teams.vip)).toMatchObject({
      name: 'VIP / High-Tier',
      admin_ids: [h.demo.admins.lead, h.demo.admins.manager],
    });
    const me = await client.me.get();
    expect(me).toMatchObject({
      id: h.demo.admins.agent,
      email_verified: true,
      region: 'US',
      app: { id_code: h.demo.workspaceId, timezone: 'Europe/London' },
    });
  });

  it('sends the 2.16 headers and the bearer token on every call', async () => {
    await client.me.get();
    const headers = h.fake.requests[0]!.headers;
    expect(headers).toMatchObject({ 'intercom-version': '2.16', accept: 'application/json' });
    expect(headers['authorization']).toBeUndefined(); // the fake's log drops it
    expect(h.fake.requests[0]!.workspaceId).toBe(h.demo.workspaceId);
  });
});
