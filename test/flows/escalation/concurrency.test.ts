import { randomBytes } from 'node:crypto';
import { QUEUED_TEXT } from '../../../canvases/shared-blocks';
import { openDatabase } from '../../../src/store';
import { type Harness, type HarnessOptions, startHarness } from '../../support/app-harness';
import { describePostgres, pgAdmin } from '../../support/postgres';
import { UNHURRIED_PG_LIMITS } from '../../support/unhurried';
import {
  type CanvasBody,
  createTicketRequests,
  drain,
  fakeTickets,
  formValues,
  handoffNotes,
  openForm,
  submitForm,
  texts,
} from './support';

type EngineSetup = () => Promise<{ options: HarnessOptions; cleanup(): Promise<void> }>;

const sqlite: EngineSetup = async () => ({ options: {}, cleanup: async () => {} });

const postgres =
  (url: string): EngineSetup =>
  async () => {
    const schema = `escalation_${randomBytes(5).toString('hex')}`;
    await pgAdmin(`create schema ${schema}`, url);
    return {
      options: { database: openDatabase({ url, pgSchema: schema, pgPoolMax: 10, pgLimits: UNHURRIED_PG_LIMITS }) },
      cleanup: () => pgAdmin(`drop schema if exists ${schema} cascade`, url),
    };
  };

describe('20 concurrent submits for one conversation (SQLite)', () => concurrentSubmits(sqlite));
describePostgres('20 concurrent submits for one conversation (PostgreSQL)', (url) => concurrentSubmits(postgres(url)));

function concurrentSubmits(setup: EngineSetup): void {
  let h: Harness;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const engine = await setup();
    cleanup = engine.cleanup;
    h = await startHarness(engine.options);
  });
  afterEach(async () => {
    h.fake.assertNoViolations();
    await h.close();
    await cleanup();
  });

  const submitAll = (forms: CanvasBody[], adminFor: (i: number) => string) =>
    Promise.all(
      forms.map((form, i) =>
        h.submit(
          { componentId: 'escalate_submit', inputValues: formValues(form, { reason: `Attempt ${i}` }), currentCanvas: form.canvas },
          { adminId: adminFor(i) },
        ),
      ),
    );

  it('double clicks and Intercom retries of one form: one escalation, one ticket, one note', async () => {
    const form = await openForm(h);
    const answers = await submitAll(
      Array.from({ length: 20 }, () => form),
      () => h.demo.admins.agent,
    );
    const kinds = answers.map((res) =>
      texts(res.body).some((t) => t.startsWith('✅ Ticket #')) ? 'created' : texts(res.body).includes(QUEUED_TEXT) ? 'queued' : 'other',
    );
    expect(kinds).not.toContain('other');
    expect(kinds).toContain('created');
    await drain(h);
    expect(createTicketRequests(h)).toHaveLength(1);
    expect(fakeTickets(h)).toHaveLength(1);
    expect(handoffNotes(h)).toHaveLength(1);
    const escalations = await h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);
    expect(escalations).toHaveLength(1);
  });

  it('two agents with twenty forms between them: one ticket; the others are told and offered an explicit second one', async () => {
    const forms = await Promise.all(
      Array.from({ length: 20 }, (_, i) => openForm(h, { adminId: i % 2 ? h.demo.admins.lead : h.demo.admins.agent })),
    );
    const answers = await submitAll(forms, (i) => (i % 2 ? h.demo.admins.lead : h.demo.admins.agent));
    const created = answers.filter((res) => texts(res.body).some((t) => t.startsWith('✅ Ticket #')));
    expect(created).toHaveLength(1);
    for (const res of answers.filter((r) => !created.includes(r))) {
      expect(JSON.stringify(res.body)).toMatch(/already has (an open ticket|an escalation on its way)/);
      expect(res.body.canvas.content.components.map((c: { id?: string }) => c.id)).toContain('escalate_force');
    }
    await drain(h);
    expect(fakeTickets(h)).toHaveLength(1);
    expect(handoffNotes(h)).toHaveLength(1);
  });

  it('a forced second ticket is a separate escalation, created once however often it is clicked', async () => {
    await submitForm(h, await openForm(h), { reason: 'First problem' });
    const variant = await openForm(h);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.submit({
          componentId: 'escalate_force',
          inputValues: formValues(variant, { reason: 'Second problem' }),
          currentCanvas: variant.canvas,
        }),
      ),
    );
    expect(answers.every((res) => res.status === 200)).toBe(true);
    await drain(h);
    expect(fakeTickets(h)).toHaveLength(2);
    expect(handoffNotes(h)).toHaveLength(2);
  });
}
