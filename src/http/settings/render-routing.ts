/**
 * The "Back-office tickets" and "Queues and routing" sections. Choices come
 * from the workspace's Intercom (ticket types, teams); when Intercom could not
 * be asked, the same fields fall back to plain inputs holding the ids.
 */
import { QUEUE_KEYS } from '../../domain/model';
import type { Catalog } from '../../services/install/workspace-catalog';
import { type Choice, datalist, selectField, textField } from './controls';
import type { FormState } from './form';
import { html, type SafeHtml } from './html';
import { QUEUE_TITLES } from './sections';

export interface SectionContext {
  state: FormState;
  catalog: Catalog;
}

export function teamChoices(catalog: Catalog): Choice[] | null {
  return catalog.teams?.map((team) => ({ value: team.id, label: team.name })) ?? null;
}

/** A select when Intercom gave us the choices, else a text field for the id. */
export function idField(state: FormState, name: string, choices: Choice[] | null, none: string): SafeHtml {
  return choices ? selectField(state, name, choices, { none }) : textField(state, name);
}

export function renderTickets({ state, catalog }: SectionContext): SafeHtml {
  const backOffice = catalog.ticketTypes?.filter((type) => type.category === 'Back-office') ?? null;
  const attributes = [...new Set((backOffice ?? []).flatMap((type) => type.attributes))].sort();
  const types = backOffice?.map((type) => ({ value: type.id, label: type.name })) ?? null;
  return html`${idField(state, 'ticketTypeId', types, 'The first back-office type Intercom lists')}
${textField(state, 'priorityAttribute', { list: 'ticket-attributes' })}
${textField(state, 'queueAttribute', { list: 'ticket-attributes' })}
${datalist('ticket-attributes', attributes)}`;
}

export function renderRouting({ state, catalog }: SectionContext): SafeHtml {
  const teams = teamChoices(catalog);
  const queues = QUEUE_KEYS.map(
    (q) => html`<fieldset class="group"><legend>${QUEUE_TITLES[q]}</legend>
${textField(state, `queues.${q}.label`, { label: 'Name shown to agents' })}
${idField(state, `queues.${q}.teamId`, teams, 'Unassigned')}
</fieldset>`,
  );
  return html`${queues}
<fieldset class="group"><legend>Escalation signals</legend>
${textField(state, 'signals.keywords', { multiline: true })}
${textField(state, 'signals.tierAttribute')}
${textField(state, 'signals.tierValues.enterprise')}
${textField(state, 'signals.tierValues.pro')}
${textField(state, 'signals.vipValues')}
${textField(state, 'signals.renewalAttribute')}
${textField(state, 'signals.renewalWindowDays', { numeric: true })}
${textField(state, 'signals.highRiskAttribute')}
${textField(state, 'signals.frustrationThreshold', { numeric: true })}
</fieldset>`;
}
