/**
 * The Messenger's "Your requests" card over HTTP: signed like every Canvas Kit request, shown only to a signed-in
 * user in a workspace that switched it on, only their own cases and only customer-safe fields; "add details" posts
 * the customer's text into their conversation once.
 */
import { canvasText, linkTicket, type SyncHarness, useSyncHarness } from '../services/sync/support';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { saveCustomerSettings } from '../support/customer-settings';

let h: SyncHarness;
useSyncHarness((started) => {
  h = started;
});

const INIT = '/intercom/messenger/initialize';
const SUBMIT = '/intercom/messenger/submit';

const switchOn = (on = true) => saveCustomerSettings(h, h.workspaceId, { messenger: on ? 'on' : 'off' });

function body(user: object | null, extra: object = {}) {
  return {
    workspace_id: h.workspaceId,
    workspace_region: 'US',
    context: { location: 'home', locale: 'en' },
    ...(user ? { user } : {}),
    ...extra,
  };
}

const customer = () => ({ type: 'user', id: h.demo.contacts.standard, role: 'user' });

async function show(user: object | null = customer(), extra: object = {}) {
  const res = await h.postSigned(INIT, body(user, extra));
  expect(res.status).toBe(200);
  assertValidCanvasResponse(res.body, 'initialize');
  return res;
}

async function waitingCase() {
  const linked = await linkTicket(h, { state: 'in_progress' });
  await h.fake.backOffice.setState(linked.ticketId, 'waiting_on_customer', { adminId: h.demo.admins.lead });
  await h.drain();
  return linked;
}

const INTERNAL = /Double charge|INV-2041|Billing \/ Legal|Lee Lead|P2|Waiting on customer|SLA/;

describe('who sees what', () => {
  it('refuses an unsigned or badly signed request before anything runs', async () => {
    await switchOn();
    expect((await h.postSigned(INIT, body(customer()), 'deadbeef')).status).toBe(401);
    expect((await h.postSigned(SUBMIT, body(customer()), '')).status).toBe(401);
  });

  it('shows nothing while the workspace has not switched the card on', async () => {
    await waitingCase();
    const res = await show();
    expect(canvasText(res.body)).toContain('Your requests cannot be shown here.');
    expect(canvasText(res.body)).not.toContain('Your billing question');
  });

  it('shows the signed-in user their open case: customer title, customer-facing state, when it changed', async () => {
    await switchOn();
    const { ticketNumber } = await waitingCase();
    const res = await show();
    const shown = canvasText(res.body);
    expect(shown).toContain(`Your billing question #${ticketNumber}`);
    expect(shown).toContain('Waiting on you · Updated');
    expect(shown).toContain('Our team needs more details from you to continue.');
    expect(shown).not.toMatch(INTERNAL);
  });

  it('answers a visitor, a lead and a request without a contact with one line, revealing nothing', async () => {
    await switchOn();
    await waitingCase();
    for (const who of [{ id: h.demo.contacts.standard, role: 'lead' }, { id: h.demo.contacts.standard, role: 'visitor' }, null]) {
      const shown = canvasText((await show(who)).body);
      expect(shown).toContain('Sign in to see your requests.');
      expect(shown).not.toContain('Your billing question');
    }
  });

  it('shows another user none of these cases, in their language', async () => {
    await switchOn();
    await waitingCase();
    const res = await show({ id: h.demo.contacts.vip, role: 'user' }, { context: { locale: 'de-DE' } });
    expect(canvasText(res.body)).toContain('Sie haben keine offenen Anfragen.');
  });
});

describe('add details', () => {
  const customerComments = () =>
    h.fake.state.workspaces
      .get(h.workspaceId)!
      .conversations.get(h.context.conversationId)!
      .parts.filter((part) => part.partType === 'comment' && part.author.type === 'user' && part.viaApi);

  async function send(text: string, caseId: string, nonce: string, user: object = customer()) {
    const res = await h.postSigned(
      SUBMIT,
      body(user, {
        component_id: `add_details:${caseId}`,
        input_values: { [`details:${caseId}`]: text },
        current_canvas: { content: { components: [] }, stored_data: { nonce } },
      }),
    );
    expect(res.status).toBe(200);
    assertValidCanvasResponse(res.body, 'submit');
    await h.drain();
    return canvasText(res.body);
  }

  it('posts the customer’s text into their conversation once, escaped, however often the card is sent', async () => {
    await switchOn();
    const { ticketId } = await waitingCase();
    const answer = await send('Order 1234 <script>alert(1)</script>\nPaid twice', ticketId, 'nonce-0001');
    expect(answer).toContain('Thank you: your details were added to the conversation.');
    await send('Order 1234 <script>alert(1)</script>\nPaid twice', ticketId, 'nonce-0001');
    expect(customerComments()).toHaveLength(1);
    expect(customerComments()[0]!.body).toBe('<p>Order 1234 &lt;script&gt;alert(1)&lt;/script&gt;</p><p>Paid twice</p>');
    expect(customerComments()[0]!.author.id).toBe(h.demo.contacts.standard);
  });

  it('refuses an empty text, another user’s case and a case not waiting, posting nothing', async () => {
    await switchOn();
    const { ticketId } = await waitingCase();
    expect(await send('   ', ticketId, 'nonce-0002')).toContain('Write what you would like to add.');
    expect(await send('mine now', ticketId, 'nonce-0003', { id: h.demo.contacts.vip, role: 'user' })).not.toContain('Thank you');
    expect(await send('guess', 'no-such-case', 'nonce-0004')).not.toContain('Thank you');
    expect(customerComments()).toHaveLength(0);
    const jobs = await h.application.store.outbox.listByWorkspace(h.workspaceId);
    expect(jobs.filter((job) => job.kind === 'customer.add_details')).toEqual([]);
  });
});
