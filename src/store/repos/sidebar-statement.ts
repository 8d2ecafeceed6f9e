/**
 * The one statement a sidebar view reads its conversation with (sidebar-read.ts maps its answer). Every piece the
 * cards show comes back as a JSON array of narrow rows in one column of one row: on PostgreSQL a fresh view is one
 * round trip instead of six to nine, and on SQLite one prepared statement and one trip through the connection lock
 * instead of six (each trip is a few promises and, under load, a wait in line). The text is fixed, so it is
 * prepared once (the SQLite statement cache; on PostgreSQL each connection prepares it once, pg-prepared.ts).
 *
 * Each piece is a scalar subquery driven by its own `(workspace_id, conversation_id)` index, so its cost is that of
 * the conversation's few rows, never the workspace's (test/store/repos/conversation-read-plan.test.ts).
 * The columns of each piece are listed once here, in the order sidebar-read.ts reads them.
 */
import type { DialectName } from '../database';
import { prepareOnPostgres } from '../pg-prepared';
import { jsonRows } from './json-rows';

/** What each JSON array's rows hold, position by position. */
export const PIECES = {
  tickets: [
    't.ticket_id',
    't.ticket_number',
    't.conversation_id',
    't.title',
    't.state_category',
    't.state_label',
    't.priority',
    't.queue',
    't.owner_name',
    't.team_name',
    't.created_at',
  ],
  incident: [
    'l.id',
    'l.tracker_id',
    'l.status',
    'i.tracker_id',
    'i.ticket_number',
    'i.title',
    'i.state_category',
    'i.state_label',
    'i.linked_count',
    'i.resolved_at',
  ],
} as const;

/** The two values every piece is scoped by; each dialect's text says where they go. */
export interface SidebarStatement {
  sql: string;
  /** The parameters in the order the text binds them (PostgreSQL numbers them; SQLite's `?` are positional). */
  bind(workspaceId: string, conversationId: string): unknown[];
}

interface Dialect {
  /** A JSON array of one JSON array per row of `from`, `[]` for none. */
  rows(columns: readonly string[], from: string): string;
  /** The text field `field` of the JSON object stored as text in `column`. */
  field(column: string, field: string): string;
  /**
   * JSON stored as text in `column`, as a JSON value inside the row's array (not a string in it): the answer is
   * parsed once, by the driver or sidebar-read.ts, instead of once more per clock after its quotes were escaped.
   */
  json(column: string): string;
}

const DIALECTS: Record<DialectName, Dialect> = {
  postgres: {
    rows: (columns, from) => jsonRows('postgres', columns, from),
    field: (column, field) => `(${column}::json ->> '${field}')`,
    json: (column) => `${column}::json`,
  },
  sqlite: {
    rows: (columns, from) => jsonRows('sqlite', columns, from),
    field: (column, field) => `json_extract(${column}, '$.${field}')`,
    json: (column) => `json(${column})`,
  },
};

const cache = new Map<DialectName, SidebarStatement>();

export function sidebarStatement(dialect: DialectName): SidebarStatement {
  let statement = cache.get(dialect);
  if (!statement) {
    statement = build(dialect);
    if (dialect === 'postgres') prepareOnPostgres(statement.sql);
    cache.set(dialect, statement);
  }
  return statement;
}

function build(dialect: DialectName): SidebarStatement {
  const { rows, field, json } = DIALECTS[dialect];
  const order: ('w' | 'c')[] = [];
  // PostgreSQL names each value once ($1, $2); SQLite takes one `?` per use, bound in the order they appear.
  const placeholder = (name: 'w' | 'c', numbered: string) => {
    if (dialect === 'postgres') return numbered;
    order.push(name);
    return '?';
  };
  const w = () => placeholder('w', '$1');
  const c = () => placeholder('c', '$2');
  // Built in the order the `?` appear in the text: each call below adds its placeholders to `order` as it is written.
  const tickets = rows(PIECES.tickets, `from ticket_links t where t.workspace_id = ${w()} and t.conversation_id = ${c()}`);
  // The tickets this conversation's cards are about: opened here, or attached here from another conversation.
  // Named in one `in` list, so each piece below looks its rows up by ticket (never walking the workspace's).
  const here = () =>
    `select o.ticket_id from ticket_links o where o.workspace_id = ${w()} and o.conversation_id = ${c()}
      union all select m.ticket_id from case_attachments m where m.workspace_id = ${w()} and m.conversation_id = ${c()} and m.active = 1`;
  // Of those, the ones with standing attachments, each with its count, beside its snapshot. The counts drive the
  // join (`cross join`, which SQLite keeps in order): otherwise it walked every ticket snapshot of the workspace.
  const shared = rows(
    [...PIECES.tickets, 's.attached_count', 's.attachment_id'],
    `from (select a.ticket_id, count(*) as attached_count, max(case when a.conversation_id = ${c()} then a.id end) as attachment_id
             from case_attachments a
            where a.workspace_id = ${w()} and a.active = 1 and a.ticket_id in (${here()})
            group by a.ticket_id) s
      cross join ticket_links t where t.workspace_id = ${w()} and t.ticket_id = s.ticket_id`,
  );
  // The clock's state as JSON in the answer (its columns here, not in PIECES: how to embed it is the dialect's).
  const clocks = rows(
    ['c.ticket_id', 'c.kind', json('c.state_json')],
    `from sla_clocks c where c.workspace_id = ${w()} and c.ticket_id in (${here()})`,
  );
  const escalations = rows(
    [
      'e.id',
      'e.status',
      'e.ticket_id',
      'e.last_error',
      'e.created_at',
      field('e.request_json', 'priority'),
      field('e.request_json', 'queue'),
    ],
    `from escalations e where e.workspace_id = ${w()} and e.conversation_id = ${c()}`,
  );
  const updates = rows(
    ['u.ticket_id', 'u.state', 'u.decided_at'],
    `from (select ticket_id, state, decided_at from customer_updates
            where workspace_id = ${w()} and conversation_id = ${c()} and outcome = 'sent'
            order by decided_at desc limit ${SENT_UPDATES_SHOWN}) u`,
  );
  // The standing link, its tracker's snapshot and the follow-ups' progress (counted only where a link stands).
  const linked = `from incident_links f where f.workspace_id = l.workspace_id and f.tracker_id = l.tracker_id and f.active = 1 and f.status = 'linked'`;
  const incident = rows(
    [...PIECES.incident, `(select count(*) ${linked} and f.followed_up_for = i.resolved_at)`, `(select count(*) ${linked})`],
    `from incident_links l left join incidents i on i.workspace_id = l.workspace_id and i.tracker_id = l.tracker_id
      where l.workspace_id = ${w()} and l.conversation_id = ${c()} and l.active = 1`,
  );
  const sql = `select ${tickets} as tickets, ${shared} as shared, ${clocks} as clocks, ${escalations} as escalations, ${updates} as updates, ${incident} as incident`;
  return {
    sql,
    bind: (workspaceId, conversationId) =>
      dialect === 'postgres' ? [workspaceId, conversationId] : order.map((name) => (name === 'w' ? workspaceId : conversationId)),
  };
}

/** The conversation's latest automatic customer updates, shared out to its ticket cards. */
export const SENT_UPDATES_SHOWN = 20;
