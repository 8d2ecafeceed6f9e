/**
 * Saving one section: apply the submission to the current settings, validate,
 * and save with the version the form was rendered from. A stale version is a
 * conflict: nothing is written, the page shows the current settings and lists
 * the values that were not saved. Each save writes its audit row in the same
 * transaction (store.settings.save) and drops the cached settings.
 */
import type { SettingsSession } from '../../services/install';
import type { SettingsPageDeps } from './page-deps';
import type { Workspace } from '../../store';
import { applySubmission, formStateFrom, type Submission } from './form';
import { type Notice, problemsNotice } from './page';
import type { SectionDef } from './sections';
import { settingsView } from './view';

export type SaveAnswer = { status: 303; location: string } | { status: 409 | 422; html: string };

export async function saveSection(
  page: SettingsPageDeps,
  workspace: Workspace,
  session: SettingsSession,
  section: SectionDef,
  body: Submission,
): Promise<SaveAnswer> {
  const current = await page.store.settings.get(workspace.id);
  const expectedVersion = Number(body['version']);
  if (!Number.isInteger(expectedVersion) || expectedVersion !== current.version) {
    return { status: 409, html: await conflictPage(page, workspace, session, section, body) };
  }
  const applied = applySubmission(section, current.settings, body);
  if (!applied.ok) {
    return {
      status: 422,
      html: await settingsView(page, workspace, session, {
        record: current,
        notice: problemsNotice(section.id, applied.state),
        override: { section: section.id, state: applied.state },
      }),
    };
  }
  if (!applied.changed) return { status: 303, location: `/settings?unchanged=${section.id}#section-${section.id}` };
  const now = page.clock.now();
  const saved = await page.store.transaction(async (tx) => {
    const result = await tx.settings.save(workspace.id, { settings: applied.settings, expectedVersion, adminId: session.a, now });
    // Running SLA clocks were scheduled under the old settings: the scheduler plans each one again, now.
    if (result.ok) await tx.clocks.rearmRunning(workspace.id, now);
    return result;
  });
  if (!saved.ok) return { status: 409, html: await conflictPage(page, workspace, session, section, body) };
  page.settings.invalidate(workspace.id);
  page.logger.info({ workspaceId: workspace.id, adminId: session.a, section: section.id, version: saved.record.version }, 'settings saved');
  return { status: 303, location: `/settings?saved=${section.id}#section-${section.id}` };
}

/** The current settings, with the submitted values that differ from them listed so they can be re-entered. */
async function conflictPage(
  page: SettingsPageDeps,
  workspace: Workspace,
  session: SettingsSession,
  section: SectionDef,
  body: Submission,
): Promise<string> {
  const record = await page.store.settings.get(workspace.id);
  const stored = formStateFrom(section, record.settings).values;
  const submitted = applySubmission(section, record.settings, body);
  const values = submitted.ok ? formStateFrom(section, submitted.settings).values : submitted.state.values;
  const unsaved = section.fields
    .filter((field) => body[field.name] !== undefined || field.kind === 'multi')
    .filter((field) => JSON.stringify(values[field.name]) !== JSON.stringify(stored[field.name]))
    .map((field) => {
      const value = values[field.name];
      return { href: '#section-' + section.id, text: `${field.label}: ${Array.isArray(value) ? value.join(', ') : value}` };
    });
  const notice: Notice = {
    kind: 'error',
    title: 'Not saved: someone else changed these settings while you were editing',
    text: `The settings are now at version ${record.version}. The form shows them as they are now; review them and make your change again.${
      unsaved.length > 0 ? ' Your values that were not saved:' : ''
    }`,
    links: unsaved,
  };
  return settingsView(page, workspace, session, { record, notice });
}
