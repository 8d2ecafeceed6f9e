/**
 * The "AI triage (optional)" section: its own form (POST /settings/triage-ai), because the API key is not part of
 * the versioned settings: it is sealed on its own and never shown back. The text says exactly what is sent where,
 * so an admin can decide before switching it on.
 */
import { formatAbsolute } from '../../domain/text';
import { PROVIDER_NAMES, type TriageAiSettingsView } from '../../services/triage-ai';
import { CSRF_FIELD } from '../../security/csrf';
import { TRIAGE_AI_PROVIDERS } from '../../store';
import { flag, html, type SafeHtml } from './html';

export type TriageAiField = 'enabled' | 'provider' | 'model' | 'key';

export interface TriageAiSectionModel {
  view: TriageAiSettingsView;
  csrf: string;
  timezone: string;
  /** After a refused save: the problems, per field. */
  errors: Partial<Record<TriageAiField, string>>;
}

const id = (field: TriageAiField) => `ai-${field}`;

function error(model: TriageAiSectionModel, field: TriageAiField): SafeHtml {
  const message = model.errors[field];
  return message ? html`<p class="error" id="${id(field)}-error"><span class="visually-hidden">Error: </span>${message}</p>` : html``;
}

function invalid(model: TriageAiSectionModel, field: TriageAiField): SafeHtml {
  return model.errors[field] ? html` aria-invalid="true" aria-describedby="${id(field)}-error"` : html``;
}

function keyStatus(model: TriageAiSectionModel): string {
  const { view } = model;
  if (!view.keySet) return 'No API key is stored.';
  const since = view.keySetAt === null ? '' : `, set ${formatAbsolute(view.keySetAt, model.timezone)}`;
  return `An API key is stored, sealed (••••••••${since}). It is never shown again; enter a new one to replace it.`;
}

export function renderTriageAiSection(model: TriageAiSectionModel): SafeHtml {
  const { view } = model;
  const state = view.enabled ? `On: ${PROVIDER_NAMES[view.provider]}, model ${view.model}.` : 'Off.';
  const providers = TRIAGE_AI_PROVIDERS.map(
    (provider) =>
      html`<label><input type="radio" name="provider" value="${provider}"${flag('checked', view.provider === provider)}> ${PROVIDER_NAMES[provider]}</label>`,
  );
  return html`<section id="section-triage-ai" aria-labelledby="heading-triage-ai">
<h2 id="heading-triage-ai">AI triage (optional)</h2>
<p id="triage-ai-state"><strong>${state}</strong> Handoff’s own triage engine runs offline either way; this adds a second opinion from an LLM.</p>
<div class="hint" id="triage-ai-disclosure">
<p><strong>What is sent where.</strong> When switched on, each time a customer or teammate message arrives (or an
agent opens the escalate form on a newer message than the last answer), Handoff sends to the provider chosen below — Anthropic (api.anthropic.com) or
OpenAI (api.openai.com) — using your workspace’s own API key:</p>
<ul>
<li>Handoff’s routing policy (the same rules for every workspace);</li>
<li>the conversation’s customer messages and teammate replies, <strong>masked</strong>: email addresses, card numbers,
API keys, tokens and passwords are replaced before sending; internal notes are not sent; long chats are cut to the
opening and latest messages;</li>
<li>the customer’s tier and days to renewal.</li>
</ul>
<p>Not sent: names, email addresses or ids of the customer or your team, attachments, ticket data. The answer is
checked before it is used; on any error, timeout, refusal or an answer that contradicts what Handoff itself found
(a legal threat, an outage, the customer’s tier), the sidebar shows Handoff’s own recommendation. The provider’s
answer is cached per conversation in Handoff’s database.</p>
</div>
<form method="post" action="/settings/triage-ai" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${model.csrf}">
<div class="field${model.errors.enabled ? ' field--error' : ''}"><label><input type="checkbox" id="${id('enabled')}" name="enabled" value="on"${flag('checked', view.enabled)}${invalid(model, 'enabled')}> Use the AI provider for triage suggestions</label>${error(model, 'enabled')}</div>
<fieldset class="group${model.errors.provider ? ' field--error' : ''}" id="${id('provider')}"><legend>Provider</legend>${providers}${error(model, 'provider')}</fieldset>
<div class="field${model.errors.model ? ' field--error' : ''}"><label for="${id('model')}">Model</label>
<p class="hint" id="${id('model')}-hint">The model name as the provider writes it, for example claude-sonnet-4-5 or gpt-5-mini.</p>
<input type="text" id="${id('model')}" name="model" value="${view.model}" maxlength="100" autocomplete="off" spellcheck="false"${invalid(model, 'model')}>${error(model, 'model')}</div>
<div class="field${model.errors.key ? ' field--error' : ''}"><label for="${id('key')}">API key</label>
<p class="hint" id="triage-ai-key-status">${keyStatus(model)}</p>
<input type="password" id="${id('key')}" name="key" value="" maxlength="400" autocomplete="off" spellcheck="false"${invalid(model, 'key')}>${error(model, 'key')}
${view.keySet ? html`<label><input type="checkbox" name="removeKey" value="on"> Remove the stored key (switches AI triage off)</label>` : ''}</div>
<button type="submit">Save AI triage</button>
</form>
</section>`;
}
