/**
 * The "SLA policy" section: the priority × tier matrix of response and
 * resolution targets (a table whose every cell input has its own label),
 * business hours, holidays, pause states and the renewal tightening rule.
 */
import { PRIORITIES, STATE_LABELS, TIERS } from '../../domain/model';
import { checkboxGroup, fieldId, radioGroup, textField } from './controls';
import type { FormState } from './form';
import { html, type SafeHtml } from './html';
import type { SectionContext } from './render-routing';
import { WEEKDAYS } from './sections';

const TIER_LABELS: Record<(typeof TIERS)[number], string> = { enterprise: 'Enterprise', pro: 'Pro', standard: 'Standard' };
const COUNTS = [
  { value: 'business', label: 'Business hours only' },
  { value: 'calendar', label: 'Around the clock' },
];
// `resolved` always stops the clocks, so it is not offered as a pause state.
const PAUSABLE = (['submitted', 'in_progress', 'waiting_on_customer'] as const).map((value) => ({ value, label: STATE_LABELS[value] }));

function cell(state: FormState, name: string, label: string): SafeHtml {
  const error = state.errors[name];
  return html`<td${error ? html` class="cell--error"` : ''}>${textField(state, name, { label, numeric: true, compact: true })}</td>`;
}

function matrix(state: FormState): SafeHtml {
  const header = html`<tr><th scope="col">Priority</th>${TIERS.map(
    (t) => html`<th scope="col">${TIER_LABELS[t]} response</th><th scope="col">${TIER_LABELS[t]} resolution</th>`,
  )}</tr>`;
  const rows = PRIORITIES.map(
    (p) =>
      html`<tr><th scope="row">${p}</th>${TIERS.map((t) => {
        const base = `sla.targets.${p}.${t}`;
        return html`${cell(state, `${base}.responseMinutes`, `${p} ${TIER_LABELS[t]} response, minutes`)}${cell(
          state,
          `${base}.resolutionMinutes`,
          `${p} ${TIER_LABELS[t]} resolution, minutes`,
        )}`;
      })}</tr>`,
  );
  return html`<table class="matrix" aria-describedby="${fieldId('sla.targets')}-caption"><caption id="${fieldId(
    'sla.targets',
  )}-caption">Targets in minutes, by priority and customer tier</caption><thead>${header}</thead><tbody>${rows}</tbody></table>`;
}

export function renderSla({ state }: SectionContext): SafeHtml {
  return html`${matrix(state)}
${radioGroup(state, 'sla.responseCounts', COUNTS)}
${radioGroup(state, 'sla.resolutionCounts', COUNTS)}
<fieldset class="group"><legend>Business hours</legend>
${textField(state, 'sla.businessHours.timezone')}
${WEEKDAYS.map(([key]) => textField(state, `sla.businessHours.weekly.${key}`))}
${textField(state, 'sla.businessHours.holidays', { multiline: true })}
</fieldset>
${checkboxGroup(state, 'sla.pauseStates', PAUSABLE)}
<fieldset class="group"><legend>Tightening near renewal or for high-risk accounts</legend>
${textField(state, 'sla.tightening.renewalWithinDays', { numeric: true })}
${textField(state, 'sla.tightening.factor', { numeric: true })}
</fieldset>`;
}
