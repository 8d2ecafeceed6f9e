/**
 * The "Messenger identity verification" form (POST /settings/messenger-secret): the secret the embed verifies each
 * user's JWT with. Its own form because the secret is sealed apart from the versioned settings and never shown back.
 */
import { formatAbsolute } from '../../domain/text';
import type { MessengerSecretView } from '../../services/customer-cases/messenger-secret';
import { CSRF_FIELD } from '../../security/csrf';
import { html, type SafeHtml } from './html';

export interface MessengerSecretModel {
  view: MessengerSecretView;
  csrf: string;
  timezone: string;
  error: string | null;
}

export const MESSENGER_SECRET_PATH = '/settings/messenger-secret';

export function renderMessengerSecretSection(model: MessengerSecretModel): SafeHtml {
  const { view } = model;
  const status = view.set
    ? `A secret is stored, sealed${view.setAt === null ? '' : ` (set ${formatAbsolute(view.setAt, model.timezone)})`}. It is never shown again; paste a new one to replace it.`
    : 'No secret is stored: the embed answers nobody until one is.';
  return html`<section id="section-messenger-secret" aria-labelledby="heading-messenger-secret">
<h2 id="heading-messenger-secret">Messenger identity verification</h2>
<p class="hint">The embed on your site lists a signed-in user’s requests only for a JWT your server signed (HS256, with an
expiry) with the identity verification secret from Intercom’s Messenger security settings.</p>
<form method="post" action="${MESSENGER_SECRET_PATH}" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${model.csrf}">
<div class="field${model.error ? ' field--error' : ''}"><label for="messenger-secret">Identity verification secret</label>
<p class="hint" id="messenger-secret-status">${status}</p>
${model.error ? html`<p class="error" id="messenger-secret-error"><span class="visually-hidden">Error: </span>${model.error}</p>` : ''}
<input type="password" id="messenger-secret" name="secret" value="" maxlength="256" autocomplete="off" spellcheck="false"${
    model.error ? html` aria-invalid="true" aria-describedby="messenger-secret-error"` : ''
  }>
${view.set ? html`<label><input type="checkbox" name="remove" value="on"> Remove the stored secret</label>` : ''}</div>
<button type="submit">Save the secret</button>
</form>
</section>`;
}
