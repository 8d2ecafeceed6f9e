/**
 * What the submit reads again and what it takes from its form: the conversation always (a message since the form
 * belongs in the ticket), the contact's companies only when the form's read is gone (older than the TTL, or it
 * failed). See src/services/escalation/form-companies.ts.
 */
import { FORM_COMPANIES_TTL_MS } from '../../../src/services/escalation';
import { type Harness, startHarness } from '../../support/app-harness';
import { fakeTickets, openForm, submitForm, texts } from './support';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  h.fake.assertNoViolations();
  await h.close();
});

const isCompanies = (r: { method: string; path: string }) => r.method === 'GET' && /^\/contacts\/[^/]+\/companies$/.test(r.path);
const isConversation = (r: { method: string; path: string }) =>
  r.method === 'GET' && r.path === `/conversations/${h.context.conversationId}`;
const created = (body: Parameters<typeof texts>[0]) => texts(body).some((t) => t.startsWith('✅ Ticket #'));

async function submitAfter(form: Awaited<ReturnType<typeof openForm>>) {
  h.fake.clearLog();
  const body = await submitForm(h, form, { reason: 'Charged twice' });
  return { body, requests: [...h.fake.requests] };
}

it("reads the conversation again but takes the contact's companies from the form it submits", async () => {
  const form = await openForm(h);
  expect(h.fake.requests.filter(isCompanies)).toHaveLength(1);

  const { body, requests } = await submitAfter(form);

  expect(created(body)).toBe(true);
  expect(requests.filter(isConversation)).toHaveLength(1);
  expect(requests.filter(isCompanies)).toHaveLength(0);
  // The company facts still reach the ticket: the refund conversation's contact is Initech's.
  expect(String(fakeTickets(h)[0]!.attributes['_default_description_'])).toContain('Company: Initech');
});

it('reads the companies again when the form read them longer ago than the TTL', async () => {
  const form = await openForm(h);
  h.clock.advance(FORM_COMPANIES_TTL_MS);

  const { body, requests } = await submitAfter(form);

  expect(created(body)).toBe(true);
  expect(requests.filter(isCompanies)).toHaveLength(1);
});

it("reads the companies again when the form's read failed (a failure is not kept)", async () => {
  // Persistent while the form opens, retries included; gone by the submit.
  const fault = h.fake.faults.add({ route: 'GET /contacts/{id}/companies', effect: { type: 'status', status: 500 }, times: Infinity });
  const form = await openForm(h);
  expect(h.fake.requests.filter(isCompanies).length).toBeGreaterThan(0);
  fault.remove();

  const { body, requests } = await submitAfter(form);

  expect(created(body)).toBe(true);
  expect(requests.filter(isCompanies)).toHaveLength(1);
});
