/**
 * `npx tsx bench/scenarios/incident-fanout.ts [--conversations 2500] [--latency 50] [--sqlite <file>]`
 *
 * Closing the loop at Intercom's limit of one tracker: 2,500 conversations linked to one incident, the incident
 * resolves, and the app (real wiring, real clock, its outbox worker running as in production) sends every
 * conversation its follow-up against the fake Intercom answering each call after `latency` ms. Reports the time
 * from the resolution to the last follow-up, Intercom calls per minute at the busiest minute against the 10,000
 * a minute Intercom allows, 429s, and whether every conversation got exactly one note.
 * Runs on its own (a few minutes at full size: the fan-out is paced on purpose), not inside `npm run bench`.
 */
import { createIntercomClient } from '../../src/intercom';
import { startFakeIntercom } from '../../src/sandbox/fake-intercom';
import { applyIncident, DEFAULT_PACING } from '../../src/services/incidents';
import { openDatabase } from '../../src/store';
import { systemClock } from '../../src/util/clock';
import { silentLogger } from '../../src/util/logger';
import { buildApplication } from '../../src/wiring';
import { benchConfig } from '../secrets';

const INTERCOM_LIMIT_PER_MINUTE = 10_000;

export interface FanOutResult {
  conversations: number;
  latencyMs: number;
  seconds: number;
  busiestMinuteCalls: number;
  calls: number;
  rateLimited: number;
  notesPerConversation: { min: number; max: number };
}

export async function runFanOutBench(options: { conversations: number; latencyMs: number; sqlitePath?: string }): Promise<FanOutResult> {
  const fake = await startFakeIntercom({});
  const demo = fake.seedDemoWorkspace({ token: 'bench-incidents-token' });
  const { workspaceId } = demo;
  const trackerType = fake.seed.ticketType(workspaceId, { name: 'Incident', category: 'Tracker' });
  const tracker = fake.seed.ticket(workspaceId, {
    ticketTypeId: trackerType.id,
    contactId: demo.contacts.standard,
    attributes: { _default_title_: 'Card payments failing with E_PAYMENT_502' },
  });
  const application = await buildApplication({
    config: benchConfig(demo.token),
    clock: systemClock,
    logger: silentLogger,
    database: openDatabase({ sqlitePath: options.sqlitePath ?? ':memory:' }),
    apiBaseUrlOverride: fake.url,
    instanceId: 'bench-incidents',
  });
  try {
    const { store } = application;
    const conversationIds: string[] = [];
    for (let i = 0; i < options.conversations; i += 1) {
      const conversation = fake.seed.conversation(workspaceId, {
        contactId: demo.contacts.standard,
        messages: [{ from: 'contact', body: `<p>Checkout fails with E_PAYMENT_502 (${i})</p>` }],
      });
      conversation.links.push({ type: 'ticket', id: tracker.id, category: 'Tracker' });
      tracker.links.push({ type: 'conversation', id: conversation.id, category: null });
      conversationIds.push(conversation.id);
    }
    // Linked through Handoff, as the sidebar would have recorded it.
    await store.transaction(async (tx) => {
      for (const conversationId of conversationIds) {
        const { link } = await tx.incidentLinks.reserve(workspaceId, {
          requestKey: `${conversationId}:bench`,
          trackerId: tracker.id,
          conversationId,
          adminId: demo.admins.agent,
          note: null,
          now: systemClock.now(),
        });
        await tx.incidentLinks.setStatus(workspaceId, link.id, { status: 'linked' }, systemClock.now());
      }
    });
    const client = fake.state.workspaces.get(workspaceId)!;
    const reader = createIntercomClient({ baseUrl: fake.url, token: demo.token });
    await applyIncident(store, () => {}, workspaceId, await reader.tickets.get(tracker.id), systemClock.now());
    fake.faults.latency(options.latencyMs);
    await fake.backOffice.setState(tracker.id, 'resolved');
    fake.clearLog();
    const started = performance.now();
    await applyIncident(store, () => application.outbox.poke(), workspaceId, await reader.tickets.get(tracker.id), systemClock.now());
    application.outbox.start(200);
    const incident = (await store.incidents.get(workspaceId, tracker.id))!;
    for (;;) {
      const done = await store.incidentLinks.countFollowedUp(workspaceId, tracker.id, incident.resolvedAt!);
      if (done >= options.conversations) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    const times = fake.requests.map((r) => r.receivedAt ?? 0).sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i]! - times[j]! > 60_000) j += 1;
      busiest = Math.max(busiest, i - j + 1);
    }
    const notes = conversationIds.map(
      (id) => client.conversations.get(id)!.parts.filter((p) => p.partType === 'note' && (p.body ?? '').includes('resolved')).length,
    );
    return {
      conversations: options.conversations,
      latencyMs: options.latencyMs,
      seconds,
      busiestMinuteCalls: busiest,
      calls: fake.requests.length,
      rateLimited: fake.requests.filter((r) => r.status === 429).length,
      notesPerConversation: { min: Math.min(...notes), max: Math.max(...notes) },
    };
  } finally {
    await application.stop();
    await fake.close();
  }
}

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

if (require.main === module) {
  const conversations = arg('--conversations', 2_500);
  const latencyMs = arg('--latency', 50);
  runFanOutBench({ conversations, latencyMs })
    .then((r) => {
      const pace = `${DEFAULT_PACING.perSecond}/s`;
      console.log(`Incident fan-out, ${r.conversations} conversations, fake latency ${r.latencyMs} ms, pacing ${pace}`);
      console.log(`  finished in ${r.seconds.toFixed(1)} s (${(r.conversations / r.seconds).toFixed(1)} conversations/s)`);
      console.log(
        `  ${r.calls} Intercom calls; busiest minute ${r.busiestMinuteCalls} calls (limit ${INTERCOM_LIMIT_PER_MINUTE}, ${((100 * r.busiestMinuteCalls) / INTERCOM_LIMIT_PER_MINUTE).toFixed(0)} %); ${r.rateLimited} answered 429`,
      );
      console.log(`  follow-up notes per conversation: min ${r.notesPerConversation.min}, max ${r.notesPerConversation.max}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
