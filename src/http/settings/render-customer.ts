/**
 * "The customer's side" section: which queues tell the customer when their case moves (off until an admin opts
 * in), how often, the messages per language and state, the titles a customer sees, and the Messenger card and
 * embed switch with the sites allowed to show it. The Messenger secret has its own form (render-messenger-secret.ts).
 */
import { LANGUAGE_NAMES } from '../../domain/customer-updates/templates';
import { QUEUE_KEYS, QUEUE_LABELS, STATE_CATEGORIES } from '../../domain/model';
import { LANGUAGES } from '../../domain/triage/language';
import { checkboxGroup, radioGroup, textField } from './controls';
import { html, type SafeHtml } from './html';
import type { SectionContext } from './render-routing';

export function renderCustomer({ state }: SectionContext): SafeHtml {
  const queues = QUEUE_KEYS.map((q) => ({ value: q, label: QUEUE_LABELS[q] }));
  const templates = LANGUAGES.map(
    (language) => html`<fieldset class="group"><legend>Messages in ${LANGUAGE_NAMES[language]}</legend>
${STATE_CATEGORIES.map((s) => textField(state, `customer.templates.${language}.${s}`, { multiline: true }))}
</fieldset>`,
  );
  return html`<p class="hint">When a linked ticket enters a new state, Handoff can reply in the conversation for you, in the
customer’s language, with the state’s customer-facing label. Never sent: internal notes, owners, teams, priorities or SLA figures.
An incident has no queue: when one resolves, its linked conversations are told (with the resolved message, without the
incident’s number) if Default is ticked.</p>
${checkboxGroup(state, 'customer.updateQueues', queues)}
${textField(state, 'customer.collapseMinutes', { numeric: true })}
${textField(state, 'customer.intervalMinutes', { numeric: true })}
${radioGroup(
  state,
  'customer.defaultLanguage',
  LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] })),
)}
${templates}
<fieldset class="group"><legend>Case titles the customer sees</legend>
${QUEUE_KEYS.map((q) => textField(state, `customer.titles.${q}`))}
</fieldset>
${radioGroup(state, 'customer.messenger', [
  { value: 'off', label: 'Off: the Messenger card and the embed show nothing' },
  { value: 'on', label: 'On: signed-in customers see their own open requests' },
])}
${textField(state, 'customer.embedOrigins', { multiline: true })}`;
}
