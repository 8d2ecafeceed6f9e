/**
 * Shared set-up for client tests: a fake Intercom on loopback with the demo workspace, and a client whose sleep
 * records the requested waits (advancing a manual clock) instead of waiting, so retry tests run instantly.
 */
import { createIntercomClient, type IntercomClient, type IntercomClientOptions } from '../../src/intercom';
import { type DemoWorkspace, type FakeIntercom, startFakeIntercom } from '../../src/sandbox/fake-intercom';
import { ManualClock } from '../../src/util/clock';
import { perTest } from '../support/per-test';

export interface ClientHarness {
  fake: FakeIntercom;
  demo: DemoWorkspace;
  clock: ManualClock;
  /** Every wait the client asked for, in ms. */
  sleeps: number[];
  client(overrides?: Partial<IntercomClientOptions>): IntercomClient;
  /** Closes the fake. */
  close(): Promise<void>;
}

/** 2026-11-21T10:00:00Z: a fixed instant so timestamps and rate-limit resets are predictable. */
export const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);

/** A fresh fake and client for each test (see `perTest`); `onStarted` may do the test file's own set-up. */
export function useClientHarness(onStarted: (h: ClientHarness) => void): void {
  perTest(startHarness, onStarted);
}

export async function startHarness(): Promise<ClientHarness> {
  const clock = new ManualClock(T0);
  const fake = await startFakeIntercom({ clock, timeoutHoldMs: 5_000 });
  const demo = fake.seedDemoWorkspace();
  const sleeps: number[] = [];
  return {
    fake,
    demo,
    clock,
    sleeps,
    client: (overrides = {}) =>
      createIntercomClient({
        baseUrl: fake.url,
        token: demo.token,
        timeoutMs: 2_000,
        clock,
        random: () => 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock.advance(ms);
        },
        ...overrides,
      }),
    close: () => fake.close(),
  };
}

/** The bodies the fake received for one route, e.g. `bodiesFor(fake, 'PUT', /^\/tickets\/\d+$/)`. */
export function bodiesFor(fake: FakeIntercom, method: string, path: RegExp): unknown[] {
  return fake.requests.filter((request) => request.method === method && path.test(request.path)).map((request) => request.body);
}
