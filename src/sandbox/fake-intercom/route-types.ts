/** What a REST handler of the fake gets and returns. Bodies have passed spec validation before a handler runs. */
import type { FakeState, FakeWorkspace } from './state';

export interface RouteContext {
  state: FakeState;
  workspace: FakeWorkspace;
  params: Record<string, string>;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: already validated against the spec schema, which is the real type.
  body: any;
  /** Unix seconds from the fake's clock. */
  now: number;
}

/** Returns the 200 JSON body; throws FakeHttpError for Intercom's error answers. */
export type RouteHandler = (context: RouteContext) => unknown;

/** Handlers keyed by spec operation, e.g. `put /tickets/{ticket_id}`. */
export type RouteTable = Readonly<Record<string, RouteHandler>>;
