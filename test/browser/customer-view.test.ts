/**
 * The customer's side in Chromium: the sandbox's demo customer site loads Handoff's embed, which boots the
 * Messenger through the real @intercom/messenger-js-sdk. Intercom's widget URL is routed to the sandbox's stand-in
 * (no Intercom host is reachable), so the SDK's own loader, queue and commands run as on a real site. As the back
 * office moves the ticket, the customer sees the update in their conversation and on the list; nothing internal
 * (notes, the ticket's own title, teams, owners, priority) ever reaches the customer's side.
 */
import type { Browser, Page } from 'playwright-core';
import { TicketSchema } from '../../src/intercom/ticket-schemas';
import { DEMO_USER_ID } from '../../src/sandbox/customer-view/prepare';
import { ticketJson } from '../../src/sandbox/fake-intercom/serialize-tickets';
import { advanceClock, backOfficeAction } from '../../src/sandbox/simulator/actions';
import { toTicketSnapshot } from '../../src/services/ticket-snapshot';
import { artifact, describeBrowser, launchChromium } from './support/browser';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

const INTERNAL_TITLE = 'Refund escalation: double charge, internal reference 77-Q';
const INTERNAL = [INTERNAL_TITLE, 'via Handoff', 'Handoff escalation ref', 'P1', 'Lee Okafor', 'Billing / Legal'];

describeBrowser('Customer view: the embed and the Messenger through the real SDK', () => {
  let sandbox: TestSandbox;
  let browser: Browser;
  let page: Page;
  let ticketId: string;

  async function linkCustomerTicket(): Promise<string> {
    const { fake, demo, application, runtime } = sandbox;
    const view = sandboxView();
    const fakeTicket = fake.seed.ticket(demo.workspaceId, {
      ticketTypeId: demo.backOffice.ticketTypeId,
      contactId: view.contactId,
      conversationId: view.conversationId,
      attributes: {
        _default_title_: INTERNAL_TITLE,
        Priority: demo.backOffice.priorityAttribute.options.P1,
        Queue: demo.backOffice.queueAttribute.options.billing_legal,
      },
      teamAssigneeId: demo.teams.billing_legal,
      state: 'in_progress',
    });
    const workspace = fake.state.workspaces.get(demo.workspaceId)!;
    const ticket = TicketSchema.parse(ticketJson(workspace, fakeTicket));
    const settings = await application.deps.settings.get(demo.workspaceId);
    const snapshot = toTicketSnapshot(ticket, { settings })!;
    await application.store.tickets.upsert(demo.workspaceId, snapshot, runtime.clock.now());
    // An internal note in the customer's conversation, as escalation writes one: it must never be shown to them.
    workspace.conversations.get(view.conversationId)!.parts.push({
      id: '99000001',
      partType: 'note',
      body: `<p>Handoff escalation ref: ${ticket.id} — ${INTERNAL_TITLE} (via Handoff)</p>`,
      createdAt: runtime.clock.now(),
      author: { type: 'admin', id: demo.admins.lead },
      assignedTo: null,
      viaApi: true,
    });
    return ticket.id;
  }

  /** The demo customer prepared at boot (src/sandbox/customer-view/prepare.ts): the contact with the external id. */
  function sandboxView() {
    const workspace = sandbox.fake.state.workspaces.get(sandbox.demo.workspaceId)!;
    const contact = [...workspace.contacts.values()].find((c) => c.externalId === DEMO_USER_ID)!;
    const conversation = [...workspace.conversations.values()].find((c) => c.contactIds.includes(contact.id))!;
    return { contactId: contact.id, conversationId: conversation.id };
  }

  const shown = async (selector: string) => (await page.locator(selector).textContent()) ?? '';
  const loadSite = async () => {
    await page.goto(`${sandbox.url}/sandbox/customer?widget=intercom`);
    await page.waitForSelector('#handoff-requests[data-handoff-state]', { state: 'attached' });
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ticketId = await linkCustomerTicket();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const standIn = await (await fetch(`${sandbox.url}/sandbox/customer/widget.js`)).text();
    // The SDK loads https://widget.intercom.io/widget/<app id>; here that URL answers with the stand-in.
    await page.route('https://widget.intercom.io/widget/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/javascript', body: standIn }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    sandbox?.fake.assertNoViolations();
    await sandbox?.close();
  });

  it('boots the Messenger through the SDK with the user’s JWT and lists their request, customer-safe', async () => {
    await loadSite();
    await page.waitForSelector('body[data-messenger-booted="verified"]', { state: 'attached' });
    const list = await shown('#handoff-requests');
    expect(list).toContain('Your billing question');
    expect(list).toContain('In progress');
    for (const internal of INTERNAL) expect(list).not.toContain(internal);
    await page.screenshot({ path: artifact('customer-1-embed.png') });
  });

  it('tells the customer when the back office moves the ticket, in their conversation and on the list', async () => {
    const { runtime, demo } = sandbox;
    await backOfficeAction(runtime, { action: 'state', ticketId, category: 'waiting_on_customer', actorId: demo.admins.lead });
    await advanceClock(runtime, 10);
    await loadSite();
    expect(await shown('#handoff-requests')).toContain('We need more details from you');
    await page.locator('.handoff-request__open').first().click();
    await page.waitForSelector('#messenger-stand-in[data-open^="Conversation"] li.part--team');
    const conversation = await shown('#messenger-stand-in');
    expect(conversation).toContain('We need a little more information from you');
    expect(conversation).toContain('Waiting on you');
    for (const internal of INTERNAL) expect(conversation).not.toContain(internal);
    expect(await page.evaluate(() => document.body.dataset['messengerCommands'])).toContain('showConversation');
    await page.screenshot({ path: artifact('customer-2-conversation.png') });
  });

  it('opens the “Your requests” card in the Messenger, from the app’s signed Messenger initialize', async () => {
    await page.locator('#open-messenger').click();
    await page.waitForSelector('#messenger-stand-in[data-open="Your requests"] li');
    const card = await shown('#messenger-stand-in');
    expect(card).toContain('Your billing question');
    expect(card).toContain('Waiting on you');
    for (const internal of INTERNAL) expect(card).not.toContain(internal);
  });
});
