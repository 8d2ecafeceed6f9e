/**
 * The settings page: a notice (saved / problems with links to each field /
 * version conflict), one form per section, and the change history. Pure: it
 * takes everything it shows and returns the HTML.
 */
import type { DeadWork } from '../../services/dead-work';
import type { InstallEvent, SettingsAuditEntry } from '../../store';
import type { Catalog } from '../../services/install/workspace-catalog';
import { type NameBook, renderAudit } from './audit';
import { renderInstallHistory } from './install-history';
import { fieldId } from './controls';
import type { FormState } from './form';
import { html, page, type SafeHtml } from './html';
import { renderCustomer } from './render-customer';
import { type MessengerSecretModel, renderMessengerSecretSection } from './render-messenger-secret';
import { renderLadder, renderAccess } from './render-ladder';
import { renderRouting, renderTickets, type SectionContext } from './render-routing';
import { renderSla } from './render-sla';
import { renderTriageSection, type TriageSectionModel } from './render-triage';
import { renderTriageAiSection, type TriageAiSectionModel } from './render-triage-ai';
import { FAILED_WORK_SECTION, renderFailedWork } from './render-failed-work';
import { FIELDS_BY_NAME, SECTIONS, type SectionId } from './sections';
import { CSRF_FIELD } from '../../security/csrf';

export interface Notice {
  kind: 'success' | 'error' | 'warning';
  title: string;
  text?: string;
  /** Links to the fields with problems (the error summary). */
  links?: { href: string; text: string }[];
}

export interface PageModel {
  workspaceName: string;
  /** Sandbox mode: a banner says so on every page, as in the Inbox simulator. */
  sandbox: boolean;
  adminName: string;
  csrf: string;
  version: number;
  states: Record<SectionId, FormState>;
  catalog: Catalog;
  notice: Notice | null;
  audit: readonly SettingsAuditEntry[];
  /** Dead outbox jobs, most recent first. */
  failedWork: readonly DeadWork[];
  installs: readonly InstallEvent[];
  timezone: string;
  /** Acceptance of the triage suggestions; null leaves the section out. */
  triage: TriageSectionModel | null;
  /** The optional AI provider's own form; null leaves the section out. */
  triageAi: TriageAiSectionModel | null;
  /** The Messenger identity-verification secret's own form; null leaves the section out. */
  messengerSecret?: MessengerSecretModel | null;
}

const RENDERERS: Record<SectionId, (ctx: SectionContext) => SafeHtml> = {
  tickets: renderTickets,
  routing: renderRouting,
  sla: renderSla,
  ladder: renderLadder,
  customer: renderCustomer,
  access: renderAccess,
};

/** The error summary for a section that failed to save: each problem links to its field. */
export function problemsNotice(sectionId: SectionId, state: FormState): Notice {
  const links = Object.entries(state.errors).map(([name, message]) => ({
    href: `#${fieldId(name)}`,
    text: `${FIELDS_BY_NAME.get(name)?.label ?? name}: ${message}`,
  }));
  for (const message of state.sectionErrors) links.push({ href: `#section-${sectionId}`, text: message });
  return { kind: 'error', title: 'Nothing was saved: please correct the fields below', links };
}

function renderNotice(notice: Notice | null): SafeHtml {
  if (!notice) return html``;
  const role = notice.kind === 'success' ? 'status' : 'alert';
  return html`<div class="notice notice--${notice.kind}" role="${role}" tabindex="-1" id="notice"><h2>${notice.title}</h2>${
    notice.text ? html`<p>${notice.text}</p>` : ''
  }${notice.links?.length ? html`<ul>${notice.links.map((l) => html`<li><a href="${l.href}">${l.text}</a></li>`)}</ul>` : ''}</div>`;
}

function renderCatalogWarning(catalog: Catalog): SafeHtml {
  if (catalog.teams && catalog.admins && catalog.ticketTypes) return html``;
  return html`<p class="notice notice--warning">Intercom could not be asked for this workspace’s teams, admins or ticket types right now,
so some choices below are plain id fields. Reload the page in a minute to get the lists back.</p>`;
}

/** "Queues and routing" → "queues and routing", but "SLA policy" stays "SLA policy". */
function saveLabel(title: string): string {
  const first = title.split(' ')[0] ?? '';
  return first === first.toUpperCase() ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

function nameBook(catalog: Catalog): NameBook {
  const map = (items: { id: string; name: string }[] | null) => new Map((items ?? []).map((item) => [item.id, item.name]));
  return { teams: map(catalog.teams), admins: map(catalog.admins), ticketTypes: map(catalog.ticketTypes) };
}

export function renderSettingsPage(model: PageModel): string {
  const sections = SECTIONS.map((section) => {
    const state = model.states[section.id];
    return html`<section id="section-${section.id}" aria-labelledby="heading-${section.id}">
<h2 id="heading-${section.id}">${section.title}</h2>
<form method="post" action="/settings/${section.id}" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${model.csrf}">
<input type="hidden" name="version" value="${String(model.version)}">
${state.sectionErrors.map((message) => html`<p class="error">${message}</p>`)}
${RENDERERS[section.id]({ state, catalog: model.catalog })}
<button type="submit">Save ${saveLabel(section.title)}</button>
</form>
</section>`;
  });
  const nav = SECTIONS.map((s) => html`<li><a href="#section-${s.id}">${s.title}</a></li>`);
  const banner = model.sandbox
    ? html`<div class="sandbox-banner" role="status"><strong>SANDBOX</strong> Fake Intercom with demo data. Nothing here reaches a real Intercom workspace.</div>`
    : '';
  // Signing out is a form (POST + CSRF): as a link, any page could sign the admin out.
  const body = html`${banner}<header class="top"><p class="brand">Handoff settings</p><p>${model.workspaceName} · signed in as ${
    model.adminName
  }</p><form class="sign-out" method="post" action="/settings/logout"><input type="hidden" name="${CSRF_FIELD}" value="${
    model.csrf
  }"><button type="submit">Sign out</button></form></header>
<main>
<h1>Settings for ${model.workspaceName}</h1>
${renderNotice(model.notice)}
${renderCatalogWarning(model.catalog)}
<nav aria-label="Sections"><ul class="toc">${nav}${
    model.triage ? html`<li><a href="#section-triage">Triage suggestions</a></li>` : ''
  }${model.triageAi ? html`<li><a href="#section-triage-ai">AI triage (optional)</a></li>` : ''}<li><a href="#section-${FAILED_WORK_SECTION}">Failed work (${String(
    model.failedWork.length,
  )})</a></li><li><a href="#section-history">Change history</a></li></ul></nav>
${sections}
${model.triage ? renderTriageSection(model.triage) : ''}
${model.triageAi ? renderTriageAiSection(model.triageAi) : ''}
${model.messengerSecret ? renderMessengerSecretSection(model.messengerSecret) : ''}
<section id="section-${FAILED_WORK_SECTION}" aria-labelledby="heading-${FAILED_WORK_SECTION}">
<h2 id="heading-${FAILED_WORK_SECTION}">Failed work</h2>
${renderFailedWork(model.failedWork, model.csrf, model.timezone)}
</section>
<section id="section-history" aria-labelledby="heading-history">
<h2 id="heading-history">Change history</h2>
<p class="muted">Current version: ${String(model.version)}.</p>
${renderAudit(model.audit, nameBook(model.catalog), model.timezone)}
<h3>Installs</h3>
${renderInstallHistory(model.installs, nameBook(model.catalog), model.timezone)}
</section>
</main>`;
  return page(`Handoff settings · ${model.workspaceName}`, body);
}

/** A page with one message and a way forward (expired link, not an admin, forged form …). */
export function renderMessagePage(title: string, message: string, action?: { href: string; label: string }): string {
  return page(
    `Handoff · ${title}`,
    html`<main class="narrow-page"><h1>${title}</h1><p>${message}</p>${action ? html`<p><a class="button" href="${action.href}">${action.label}</a></p>` : ''}</main>`,
  );
}
