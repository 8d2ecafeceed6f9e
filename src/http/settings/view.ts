/**
 * Gathers what the settings page shows for a signed-in admin: the stored
 * settings, the choices from the workspace's Intercom, the change history,
 * and the CSRF token of this session. `override` replaces one section's form
 * with what the admin submitted (and its errors) after a failed save.
 */
import { feedbackStats } from '../../domain/triage-learning';
import { describeDeadJob } from '../../services/dead-work';
import type { SettingsSession } from '../../services/install';
import { FEEDBACK_WINDOW } from '../../services/triage';
import type { SettingsPageDeps } from './page-deps';
import type { SettingsRecord, Workspace } from '../../store';
import { type FormState, formStateFrom } from './form';
import { type Notice, renderSettingsPage } from './page';
import type { TriageAiField } from './render-triage-ai';
import { SECTIONS, type SectionId } from './sections';

/** The most recent failures; older ones follow as these are retried. */
const FAILED_WORK_SHOWN = 50;

export interface ViewOptions {
  record?: SettingsRecord;
  notice?: Notice | null;
  override?: { section: SectionId; state: FormState };
  /** The AI triage form's problems after a refused save. */
  triageAiErrors?: Partial<Record<TriageAiField, string>>;
  /** The Messenger secret form's problem after a refused save. */
  messengerSecretError?: string;
}

export async function settingsView(
  page: SettingsPageDeps,
  workspace: Workspace,
  session: SettingsSession,
  options: ViewOptions = {},
): Promise<string> {
  const [record, catalog, audit, installs, dead, feedback, triageAi] = await Promise.all([
    options.record ?? page.store.settings.get(workspace.id),
    page.install.catalog.get(workspace.id),
    page.store.settings.listAudit(workspace.id, { limit: 20 }),
    page.store.installEvents.list(workspace.id, { limit: 10 }),
    page.store.outbox.listDead(workspace.id, { limit: FAILED_WORK_SHOWN }),
    page.store.triageFeedback.listRecent(workspace.id, FEEDBACK_WINDOW),
    page.triageAi.view(workspace.id),
  ]);
  const messengerSecret = page.messengerSecret ? await page.messengerSecret.view(workspace.id) : null;
  const states = Object.fromEntries(SECTIONS.map((s) => [s.id, formStateFrom(s, record.settings)])) as Record<SectionId, FormState>;
  if (options.override) states[options.override.section] = options.override.state;
  const adminName = catalog.admins?.find((a) => a.id === session.a)?.name ?? `Admin ${session.a}`;
  return renderSettingsPage({
    workspaceName: workspace.name,
    sandbox: page.install.sandbox,
    adminName,
    csrf: page.install.tokens.csrf.tokenFor(session.s),
    version: record.version,
    states,
    catalog,
    notice: options.notice ?? null,
    audit,
    failedWork: dead.map(describeDeadJob),
    installs,
    timezone: workspace.timezone || 'UTC',
    triage: { stats: feedbackStats(feedback), window: FEEDBACK_WINDOW, labels: (q) => record.settings.queues[q].label },
    triageAi: {
      view: triageAi,
      csrf: page.install.tokens.csrf.tokenFor(session.s),
      timezone: workspace.timezone || 'UTC',
      errors: options.triageAiErrors ?? {},
    },
    messengerSecret: messengerSecret && {
      view: messengerSecret,
      csrf: page.install.tokens.csrf.tokenFor(session.s),
      timezone: workspace.timezone || 'UTC',
      error: options.messengerSecretError ?? null,
    },
  });
}
