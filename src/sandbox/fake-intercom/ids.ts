/**
 * Id generators for seeded and created records. One counter per fake makes every id unique across workspaces and
 * the ids of a seeded run reproducible, which keeps test failures readable.
 */
import type { FakeState } from './state';

/** Numeric string ids (Intercom's tickets, conversations, admins and parts are numeric), unique per fake. */
export function nextNumericId(state: FakeState, base: number): string {
  state.sequence += 1;
  return String(base + state.sequence);
}

/** 24-hex ids, the shape Intercom uses for contacts and companies. */
export function nextHexId(state: FakeState, prefix: string): string {
  state.sequence += 1;
  return (prefix + state.sequence.toString(16).padStart(16, '0')).slice(0, 24);
}

/** Deterministic guid-shaped ids for list options (Intercom's are guids). */
export function nextGuid(state: FakeState): string {
  state.sequence += 1;
  return `00000000-0000-4000-8000-${state.sequence.toString(16).padStart(12, '0')}`;
}
