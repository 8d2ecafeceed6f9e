/**
 * The "Breach ladder and resolution" and "Access and data" sections. Lead,
 * manager and the settings admins are chosen from the workspace's Intercom
 * admins (plain id fields when Intercom could not be asked).
 */
import type { Catalog } from '../../services/install/workspace-catalog';
import { type Choice, checkboxGroup, radioGroup, textField } from './controls';
import { html, type SafeHtml } from './html';
import { idField, type SectionContext, teamChoices } from './render-routing';

function adminChoices(catalog: Catalog): Choice[] | null {
  return catalog.admins?.map((admin) => ({ value: admin.id, label: admin.name })) ?? null;
}

export function renderLadder({ state, catalog }: SectionContext): SafeHtml {
  const admins = adminChoices(catalog);
  return html`${textField(state, 'ladder.warnAt', { numeric: true })}
${textField(state, 'ladder.escalateAt', { numeric: true })}
${idField(state, 'ladder.leadAdminId', admins, 'Nobody (note only)')}
${radioGroup(state, 'ladder.escalateAction', [
  { value: 'assign', label: 'Assign the ticket to the team lead, with a note' },
  { value: 'mention', label: 'Only mention the team lead in a note' },
])}
${idField(state, 'ladder.managerAdminId', admins, 'Nobody (note only)')}
${idField(state, 'ladder.breachTeamId', teamChoices(catalog), 'Keep the current team')}
${radioGroup(state, 'resolveBehaviour', [
  { value: 'note_only', label: 'Post an internal note in the conversation' },
  { value: 'reopen', label: 'Post a note and reopen the conversation' },
  { value: 'unsnooze', label: 'Post a note and unsnooze the conversation if it is snoozed' },
])}`;
}

export function renderAccess({ state, catalog }: SectionContext): SafeHtml {
  const admins = adminChoices(catalog);
  return html`${admins ? checkboxGroup(state, 'access.adminIds', admins) : textField(state, 'access.adminIds')}
${textField(state, 'access.roleNames')}
${admins ? checkboxGroup(state, 'access.reportViewerIds', admins) : textField(state, 'access.reportViewerIds')}
${radioGroup(state, 'retentionOnUninstall', [
  { value: 'keep', label: 'Keep this workspace’s tickets, clocks, settings and audit (a re-install continues where it stopped)' },
  { value: 'purge', label: 'Delete all of this workspace’s data from Handoff' },
])}
${textField(state, 'snapshotMaxAgeMinutes', { numeric: true })}`;
}
