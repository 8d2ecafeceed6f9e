/**
 * Restart catch-up: the app stops before the first step is due, time jumps past the breach, and a second app
 * instance on the same SQLite file fires warn, escalate and breach on its first tick, in that order, each note
 * carrying its original due time and saying it fired late.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeIntercom } from '../../src/sandbox/fake-intercom';
import { openDatabase } from '../../src/store';
import { ManualClock } from '../../src/util/clock';
import { startHarness, TEST_START } from '../support/app-harness';
import { configureLadder, HOUR, ladderRequests, linkedTicket, notesOn, tickAndDrain } from './ladder-fixture';

const file = join(tmpdir(), `handoff-restart-${randomBytes(6).toString('hex')}.sqlite`);
afterAll(() => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

it('fires the steps missed while the app was down, in order, each with its original due time', async () => {
  const clock = new ManualClock(TEST_START);
  const fake = await startFakeIntercom({ clock });
  const demo = fake.seedDemoWorkspace();
  try {
    const first = await startHarness({ clock, fake, demo, database: openDatabase({ sqlitePath: file }) });
    await configureLadder(first);
    const ticketId = await linkedTicket(first);
    expectWarningArmed(await first.application.store.clocks.get(demo.workspaceId, ticketId, 'resolution'));
    await first.close();

    clock.set(TEST_START + 9 * HOUR);
    const second = await startHarness({ clock, fake, demo, database: openDatabase({ sqlitePath: file }) });
    await tickAndDrain(second);
    const notes = notesOn(ladderRequests(second, ticketId)).map((n) => String(n.body));
    expect(notes.map((body) => body.match(/ref: (\S+)<\/p>/)?.[1])).toEqual([
      'handoff-sla:resolution:0:warn',
      'handoff-sla:resolution:0:escalate',
      'handoff-sla:resolution:0:breach',
    ]);
    // Demo workspace zone: Europe/London (GMT in November). Created 10:00: due 13:00, 13:36, 14:00; fired at 19:00.
    const late =
      'Fired late, at Nov 18, 2026, 7:00 PM GMT, the first time Handoff checked the clock after it fell due (was the app stopped?).';
    expect(notes[0]).toContain(`Step due Nov 18, 2026, 1:00 PM GMT. ${late}`);
    expect(notes[1]).toContain(`Step due Nov 18, 2026, 1:36 PM GMT. ${late}`);
    expect(notes[2]).toContain(`Step due Nov 18, 2026, 2:00 PM GMT. ${late}`);
    const firings = await second.application.store.ladder.listByTicket(demo.workspaceId, ticketId);
    expect(firings.map((f) => [f.step, f.dueAt, f.firedAt])).toEqual([
      ['warn', TEST_START + 3 * HOUR, TEST_START + 9 * HOUR],
      ['escalate', TEST_START + 3.6 * HOUR, TEST_START + 9 * HOUR],
      ['breach', TEST_START + 4 * HOUR, TEST_START + 9 * HOUR],
    ]);
    fake.assertNoViolations();
    await second.close();
  } finally {
    await fake.close();
  }
});

/** The first instance left the warning armed in the store: that row is what the second one picks up. */
function expectWarningArmed(clock: { nextFireAt: number | null; nextStep: string | null } | null) {
  expect(clock).toMatchObject({ nextFireAt: TEST_START + 3 * HOUR, nextStep: 'warn' });
}
