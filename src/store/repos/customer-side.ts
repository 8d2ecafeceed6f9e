/**
 * The customer's side (migration 0010): each linked ticket's latest state as a customer may see it, the automatic
 * updates decided per state transition, and the workspace's sealed Messenger identity-verification secret.
 * A transition is decided once: `recordUpdate` inserts under the transition's key and a second decision (a job run
 * again after a crash, a racing worker) finds the first row instead of writing its own.
 */
import type { Selectable } from 'kysely';
import type { CaseFacts } from '../../domain/customer-updates/case-view';
import { QUEUE_KEYS, STATE_CATEGORIES, type StateCategory } from '../../domain/model';
import type { CustomerCaseStatesTable, CustomerUpdatesTable } from '../schema';
import { caseStatesOf, recordCaseStates } from './case-states-batch';
import { narrow, narrowOrNull, type RepoContext } from './repo-helpers';
import type { SealedToken } from './workspaces';

export const UPDATE_OUTCOMES = ['sent', 'superseded', 'unchanged', 'closed', 'disabled'] as const;
export type CustomerUpdateOutcome = (typeof UPDATE_OUTCOMES)[number];

export interface CaseState {
  ticketId: string;
  conversationId: string;
  state: StateCategory;
  /** The state's customer-facing label in Intercom (null when the ticket type has none). */
  externalLabel: string | null;
  changedAt: number;
}

export interface CustomerUpdate {
  /**
   * The case: a ticket's id, or for an incident's update to one of its conversations `<tracker>@<conversation>`
   * (src/services/customer-updates/jobs.ts): one tracker tells many conversations, each once.
   */
  ticketId: string;
  state: StateCategory;
  /** When the ticket entered `state`: with ticket and state, the transition's key. */
  enteredAt: number;
  conversationId: string;
  outcome: CustomerUpdateOutcome;
  language: string | null;
  decidedAt: number;
}

/**
 * A linked ticket as its customer may see it: no owner, team, priority, title or SLA figure. The shape is the
 * domain's (src/domain/customer-updates/case-view.ts), so the store cannot hand the customer's side anything more.
 */
export type CustomerCase = CaseFacts;

export interface MessengerIdentity {
  secret: SealedToken;
  setAt: number;
  setBy: string | null;
}

export interface CustomerSideRepo {
  /** Keeps the latest transition only: an older one (a late delivery) changes nothing. Returns whether it was stored. */
  recordState(workspaceId: string, state: CaseState): Promise<boolean>;
  /** Many tickets' states (one each) recorded as `recordState` would, in one statement on PostgreSQL; the ids written. */
  recordStates(workspaceId: string, states: readonly CaseState[]): Promise<string[]>;
  getState(workspaceId: string, ticketId: string): Promise<CaseState | null>;
  /** The recorded states of several tickets, in one statement (a webhook commit group's). */
  getStates(workspaceId: string, ticketIds: readonly string[]): Promise<CaseState[]>;
  /** Inserts the decision unless the transition was decided already; false = it was (the stored row stands). */
  recordUpdate(workspaceId: string, update: CustomerUpdate): Promise<boolean>;
  getUpdate(workspaceId: string, ticketId: string, state: StateCategory, enteredAt: number): Promise<CustomerUpdate | null>;
  /** The conversation's sent updates, newest first. */
  listSent(workspaceId: string, conversationId: string, limit: number): Promise<CustomerUpdate[]>;
  /** The last state told to the customer for this ticket. */
  getLastTold(workspaceId: string, ticketId: string): Promise<StateCategory | null>;
  /** The contact's open cases linked through Handoff, most recently changed first. */
  listOpenCases(workspaceId: string, contactId: string, limit: number): Promise<CustomerCase[]>;
  getIdentity(workspaceId: string): Promise<MessengerIdentity | null>;
  setIdentity(workspaceId: string, secret: SealedToken, now: number, adminId: string | null): Promise<void>;
  /** Replaces the sealed secret only if it is still `expected` (a key rotation racing an admin's save loses). */
  resealIdentity(workspaceId: string, expected: string, next: SealedToken): Promise<boolean>;
  clearIdentity(workspaceId: string): Promise<void>;
}

function stateFrom(row: Selectable<CustomerCaseStatesTable>): CaseState {
  return {
    ticketId: row.ticket_id,
    conversationId: row.conversation_id,
    state: narrow(STATE_CATEGORIES, row.state, 'customer_case_states.state'),
    externalLabel: row.external_label,
    changedAt: Number(row.changed_at),
  };
}

function updateFrom(row: Selectable<CustomerUpdatesTable>): CustomerUpdate {
  return {
    ticketId: row.ticket_id,
    state: narrow(STATE_CATEGORIES, row.state, 'customer_updates.state'),
    enteredAt: Number(row.entered_at),
    conversationId: row.conversation_id,
    outcome: narrow(UPDATE_OUTCOMES, row.outcome, 'customer_updates.outcome'),
    language: row.language,
    decidedAt: Number(row.decided_at),
  };
}

export function createCustomerSideRepo({ db, dialect }: RepoContext): CustomerSideRepo {
  return {
    recordStates: (workspaceId, states) => recordCaseStates(db, dialect, workspaceId, states),
    getStates: (workspaceId, ticketIds) => caseStatesOf(db, dialect, workspaceId, ticketIds),

    async recordState(workspaceId, state) {
      const values = {
        conversation_id: state.conversationId,
        state: state.state,
        external_label: state.externalLabel,
        changed_at: state.changedAt,
      };
      const result = await db
        .insertInto('customer_case_states')
        .values({ workspace_id: workspaceId, ticket_id: state.ticketId, ...values })
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'ticket_id']).doUpdateSet(values).where('customer_case_states.changed_at', '<=', state.changedAt),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async getState(workspaceId, ticketId) {
      const row = await db
        .selectFrom('customer_case_states')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('ticket_id', '=', ticketId)
        .executeTakeFirst();
      return row ? stateFrom(row) : null;
    },

    async recordUpdate(workspaceId, update) {
      const result = await db
        .insertInto('customer_updates')
        .values({
          workspace_id: workspaceId,
          ticket_id: update.ticketId,
          state: update.state,
          entered_at: update.enteredAt,
          conversation_id: update.conversationId,
          outcome: update.outcome,
          language: update.language,
          decided_at: update.decidedAt,
        })
        .onConflict((oc) => oc.columns(['workspace_id', 'ticket_id', 'state', 'entered_at']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async getUpdate(workspaceId, ticketId, state, enteredAt) {
      const row = await db
        .selectFrom('customer_updates')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('ticket_id', '=', ticketId)
        .where('state', '=', state)
        .where('entered_at', '=', enteredAt)
        .executeTakeFirst();
      return row ? updateFrom(row) : null;
    },

    async listSent(workspaceId, conversationId, limit) {
      const rows = await db
        .selectFrom('customer_updates')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .where('outcome', '=', 'sent')
        .orderBy('decided_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(updateFrom);
    },

    async getLastTold(workspaceId, ticketId) {
      const row = await db
        .selectFrom('customer_updates')
        .select('state')
        .where('workspace_id', '=', workspaceId)
        .where('ticket_id', '=', ticketId)
        .where('outcome', '=', 'sent')
        .orderBy('decided_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? narrow(STATE_CATEGORIES, row.state, 'customer_updates.state') : null;
    },

    async listOpenCases(workspaceId, contactId, limit) {
      const rows = await db
        .selectFrom('ticket_links as t')
        .leftJoin('customer_case_states as s', (join) =>
          join.onRef('s.workspace_id', '=', 't.workspace_id').onRef('s.ticket_id', '=', 't.ticket_id'),
        )
        .select([
          't.ticket_id',
          't.ticket_number',
          't.conversation_id',
          't.queue',
          't.state_category',
          't.created_at',
          's.state',
          's.external_label',
          's.changed_at',
        ])
        .where('t.workspace_id', '=', workspaceId)
        .where('t.contact_id', '=', contactId)
        .where('t.is_open', '=', 1)
        .orderBy('t.created_at', 'desc')
        .limit(limit)
        .execute();
      return rows
        .map((row): CustomerCase => {
          const state = narrow(STATE_CATEGORIES, row.state_category, 'ticket_links.state_category');
          // The recorded transition names the label only while it is still the ticket's state.
          const current = row.state === state;
          return {
            ticketId: row.ticket_id,
            ticketNumber: row.ticket_number,
            conversationId: row.conversation_id,
            queue: narrowOrNull(QUEUE_KEYS, row.queue, 'ticket_links.queue'),
            state,
            externalLabel: current ? row.external_label : null,
            changedAt: current && row.changed_at !== null ? Number(row.changed_at) : Number(row.created_at),
          };
        })
        .sort((a, b) => b.changedAt - a.changedAt);
    },

    async getIdentity(workspaceId) {
      const row = await db.selectFrom('messenger_identity').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
      if (!row) return null;
      return {
        secret: { ciphertext: row.secret_ciphertext, keyId: row.secret_key_id },
        setAt: Number(row.set_at),
        setBy: row.set_by,
      };
    },

    async setIdentity(workspaceId, secret, now, adminId) {
      const values = { secret_ciphertext: secret.ciphertext, secret_key_id: secret.keyId, set_at: now, set_by: adminId };
      await db
        .insertInto('messenger_identity')
        .values({ workspace_id: workspaceId, ...values })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
        .execute();
    },

    async resealIdentity(workspaceId, expected, next) {
      const result = await db
        .updateTable('messenger_identity')
        .set({ secret_ciphertext: next.ciphertext, secret_key_id: next.keyId })
        .where('workspace_id', '=', workspaceId)
        .where('secret_ciphertext', '=', expected)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async clearIdentity(workspaceId) {
      await db.deleteFrom('messenger_identity').where('workspace_id', '=', workspaceId).execute();
    },
  };
}
