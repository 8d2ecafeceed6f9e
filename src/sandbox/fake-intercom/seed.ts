/**
 * Seed helpers: put workspaces, people, conversations and ticket types into the fake with sensible defaults, so a
 * test states only what it is about. Every helper returns the stored record (ids are strings); changing it changes
 * the fake.
 */
import type { Clock } from '../../util/clock';
import { contentSeeder } from './seed-content';
import { peopleSeeder } from './seed-people';
import type { FakeState, FakeWorkspace } from './state';

export type { SeedAttribute, SeedMessage } from './seed-content';
export type { SeededWorkspace } from './seed-people';

export interface SeedContext {
  state: FakeState;
  /** Unix seconds from the fake's clock. */
  now(): number;
  workspaceById(id: string): FakeWorkspace;
}

export type Seeder = ReturnType<typeof peopleSeeder> & ReturnType<typeof contentSeeder>;

export function createSeeder(state: FakeState, clock: Clock): Seeder {
  const context: SeedContext = {
    state,
    now: () => Math.floor(clock.now() / 1000),
    workspaceById(id) {
      const workspace = state.workspaces.get(id);
      if (!workspace) throw new Error(`No fake workspace ${id}`);
      return workspace;
    },
  };
  return { ...peopleSeeder(context), ...contentSeeder(context) };
}
