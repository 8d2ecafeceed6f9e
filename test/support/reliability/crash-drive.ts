/**
 * What happens around a SIGKILL: agents escalating against the child (remembering the exact submit bytes, as
 * Intercom's retry or a second click resends them), the kill itself at a chosen moment (when the fake has
 * received the n-th call of a route, held there by latency so the kill lands mid-call, or after a delay), and
 * waiting for a restarted child to finish what the dead one left behind.
 */
import type { CanvasKitContext } from '../../../src/sandbox/canvas-kit-body';
import { HANG_GUARD_MS } from '../eventually';
import type { ChildApp } from './child-control';
import type { CrashWorld } from './crash-world';
import { fakeSettled } from './drive';
import { requestsTo } from './effects';
import { canvasText, ESCALATED, type EscalateValues, openForm, submitFormBody } from './escalate';

export interface Attempt {
  context: CanvasKitContext;
  /** The submit bytes, once the form was open: a retry resends exactly these. */
  body: string | null;
  /** The agent saw "created" or "queued": the escalation is the app's responsibility from then on. */
  acknowledged: boolean;
  /** What the agent chose on the form (default: DEFAULT_VALUES). */
  values?: EscalateValues;
}

/** One agent's escalation; a dead app simply leaves it unacknowledged. */
export async function attempt(world: CrashWorld, child: ChildApp, state: Attempt): Promise<void> {
  try {
    if (state.body === null) {
      const form = (await openForm(child.wire, world.fake, state.context)).json;
      // An error canvas instead of the form (Intercom slow to answer the reads, e.g. on a loaded machine): the agent
      // has nothing to submit and opens the form again next time, rather than resending a submit of no form forever.
      if (!JSON.stringify(form).includes('escalate_submit')) return;
      state.body = submitFormBody(world.fake, state.context, form, state.values);
    }
    const response = await child.wire.postCanvas('/intercom/submit', state.body);
    if (ESCALATED.test(canvasText(response))) state.acknowledged = true;
  } catch {
    // The connection died with the app: the agent saw an error and will click again.
  }
}

/**
 * Every agent who did not see "created" or "queued" clicks again (opening the form anew if it never opened), and
 * again a little later if Intercom was busy (many agents at once can meet its rate limit), up to `rounds` times.
 */
export async function escalateUntilAcknowledged(world: CrashWorld, child: ChildApp, attempts: Attempt[], rounds = 10): Promise<void> {
  for (let round = 0; round < rounds && attempts.some((a) => !a.acknowledged); round += 1) {
    if (round > 0) {
      await fakeSettled(world.fake);
      await world.advance(15_000, child);
    }
    await Promise.all(attempts.filter((a) => !a.acknowledged).map((a) => attempt(world, child, a)));
  }
}

export type KillTrigger = { kind: 'nth_call'; route: string; nth: number } | { kind: 'delay'; ms: number };

/** Names a kind of kill point for the figures line. */
export function describeTrigger(trigger: KillTrigger): string {
  return trigger.kind === 'delay' ? 'kills after a random delay' : `kills mid ${trigger.route}`;
}

/**
 * SIGKILLs the child when the trigger fires (or at `deadlineMs`, whichever is first). For `nth_call`, latency
 * on the route holds each call at the fake, so the app dies while the call is in flight; the fake still
 * completes it afterwards, exactly like Intercom finishing a request whose caller vanished.
 */
export async function killWhen(
  world: CrashWorld,
  child: ChildApp,
  trigger: KillTrigger,
  options: { deadlineMs?: number; advanceMsPerPoll?: number } = {},
): Promise<boolean> {
  const deadlineMs = options.deadlineMs ?? 15_000;
  const deadline = Date.now() + deadlineMs;
  let fired = false;
  if (trigger.kind === 'delay') {
    await new Promise((resolve) => setTimeout(resolve, trigger.ms));
    fired = true;
  } else {
    const [method, path] = trigger.route.split(' ') as [string, string];
    const start = requestsTo(world.fake, method, path);
    const hold = world.fake.faults.latency(300, trigger.route);
    let polls = 0;
    while (!fired && Date.now() < deadline) {
      fired = requestsTo(world.fake, method, path) - start >= trigger.nth;
      if (fired) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
      // Retry backoffs pass faster when asked. Every ~20 ms: even a call held 300 ms sees the clock move well
      // under the 60 s lease of the job that made it, so no second claim can overtake it.
      polls += 1;
      if (options.advanceMsPerPoll && polls % 10 === 0) await world.advance(options.advanceMsPerPoll, child);
    }
    await child.kill('SIGKILL');
    hold.remove();
    return fired;
  }
  await child.kill('SIGKILL');
  return fired;
}

/**
 * Polls the child until its outbox is empty, moving the shared clock on so backoffs and leases pass quickly.
 * `done` adds a condition of the test's own (e.g. every ticket has its note).
 */
export async function waitUntilSettled(world: CrashWorld, child: ChildApp, done: () => boolean, timeoutMs = HANG_GUARD_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metrics = await child.wire.get('/metrics');
    const pending = (metrics.json as { outbox_pending?: number }).outbox_pending;
    if (pending === 0 && done()) return;
    if (Date.now() > deadline) throw new Error(`the restarted app did not finish in time (outbox pending: ${pending})`);
    // Only jump past calls that have landed: a real retry due seconds later never overtakes a slow call.
    await fakeSettled(world.fake);
    await world.advance(60_000, child);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export { seededRandom } from '../../../src/util/seeded-random';
