/**
 * The messages a customer receives when their case moves: plain-text templates an admin edits per state and per
 * language, with a few placeholders. Templates are checked when saved (unknown placeholders and anything that looks
 * like HTML are refused, so an admin learns of a mistake at the form, not from a customer), and rendered by escaping
 * every piece, the filled-in values included, before the text becomes the reply's HTML.
 */
import type { StateCategory } from '../model';
import { escapeHtml } from '../text';
import type { Language } from '../triage/language';

export const PLACEHOLDERS = ['state', 'reference', 'title'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Readonly<Record<Placeholder, string>>;

export const TEMPLATE_MAX_CHARS = 1000;

/**
 * `{{ name }}`: the spaces are trimmed in code, not matched around a lazy name, which would overlap them and
 * backtrack quadratically on a long unclosed `{{` (test/reliability/redos.test.ts).
 */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
/** A tag opening (`<b`, `</p`, `<!--`, `<?xml`): templates are text, and a script tag must never reach a customer. */
const TAG = /<[A-Za-z/!?]/;

const NAMED = PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ');

/** Why the template cannot be saved, in words for the admin at the form; null when it is fine. */
export function templateProblem(template: string): string | null {
  if (template.trim() === '') return 'Write the message, or switch updates off for this queue.';
  if (template.length > TEMPLATE_MAX_CHARS) return `Keep the message under ${TEMPLATE_MAX_CHARS} characters.`;
  if (TAG.test(template)) return 'Write plain text: HTML tags (such as <script> or <b>) are not allowed in a message to a customer.';
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = (match[1] ?? '').trim();
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return `Unknown placeholder {{${name}}}: use ${NAMED}.`;
  }
  const rest = template.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) return `A placeholder is not closed: write it as ${NAMED}.`;
  return null;
}

/** The reply's HTML: one paragraph per line of the template, every character of text and value escaped. */
export function renderTemplate(template: string, values: TemplateValues): string {
  const filled = (line: string) => {
    let out = '';
    let last = 0;
    for (const match of line.matchAll(PLACEHOLDER)) {
      out += escapeHtml(line.slice(last, match.index));
      out += escapeHtml(values[(match[1] ?? '').trim() as Placeholder] ?? '');
      last = (match.index ?? 0) + match[0].length;
    }
    return out + escapeHtml(line.slice(last));
  };
  return template
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${filled(line)}</p>`)
    .join('');
}

export type StateTemplates = Record<StateCategory, string>;

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  pt: 'Portuguese',
};

/** What a workspace starts with; every text can be changed on the settings page. */
export const DEFAULT_TEMPLATES: Readonly<Record<Language, StateTemplates>> = {
  en: {
    submitted: 'Your request {{reference}} has reached our specialist team. Status: {{state}}. We will keep you posted here.',
    in_progress: 'Good news: our team is now working on your request {{reference}}. Status: {{state}}.',
    waiting_on_customer:
      'We need a little more information from you to continue with your request {{reference}}. Status: {{state}}. Please reply here.',
    resolved: 'Your request {{reference}} has been resolved. Status: {{state}}. If anything is still not right, just reply here.',
  },
  de: {
    submitted: 'Ihre Anfrage {{reference}} ist bei unserem Fachteam angekommen. Status: {{state}}. Wir halten Sie hier auf dem Laufenden.',
    in_progress: 'Gute Nachricht: Unser Team bearbeitet jetzt Ihre Anfrage {{reference}}. Status: {{state}}.',
    waiting_on_customer:
      'Für Ihre Anfrage {{reference}} brauchen wir noch ein paar Angaben von Ihnen. Status: {{state}}. Bitte antworten Sie hier.',
    resolved: 'Ihre Anfrage {{reference}} ist gelöst. Status: {{state}}. Falls noch etwas nicht stimmt, antworten Sie einfach hier.',
  },
  fr: {
    submitted:
      'Votre demande {{reference}} a été transmise à notre équipe spécialisée. Statut : {{state}}. Nous vous tiendrons informé ici.',
    in_progress: 'Bonne nouvelle : notre équipe traite maintenant votre demande {{reference}}. Statut : {{state}}.',
    waiting_on_customer:
      'Nous avons besoin de quelques informations pour poursuivre votre demande {{reference}}. Statut : {{state}}. Merci de répondre ici.',
    resolved: 'Votre demande {{reference}} est résolue. Statut : {{state}}. Si quelque chose ne va toujours pas, répondez simplement ici.',
  },
  es: {
    submitted: 'Su solicitud {{reference}} ha llegado a nuestro equipo especializado. Estado: {{state}}. Le mantendremos informado aquí.',
    in_progress: 'Buenas noticias: nuestro equipo ya está trabajando en su solicitud {{reference}}. Estado: {{state}}.',
    waiting_on_customer:
      'Necesitamos algo más de información para continuar con su solicitud {{reference}}. Estado: {{state}}. Responda aquí, por favor.',
    resolved: 'Su solicitud {{reference}} se ha resuelto. Estado: {{state}}. Si algo sigue sin funcionar, responda aquí.',
  },
  pt: {
    submitted: 'A sua solicitação {{reference}} chegou à nossa equipe especializada. Status: {{state}}. Vamos mantê-lo informado aqui.',
    in_progress: 'Boa notícia: a nossa equipe já está trabalhando na sua solicitação {{reference}}. Status: {{state}}.',
    waiting_on_customer:
      'Precisamos de mais algumas informações para continuar a sua solicitação {{reference}}. Status: {{state}}. Responda aqui, por favor.',
    resolved: 'A sua solicitação {{reference}} foi resolvida. Status: {{state}}. Se algo ainda não estiver certo, é só responder aqui.',
  },
};

/** The customer-facing name of a state when the ticket type has no `external_label` for it. */
export const DEFAULT_STATE_NAMES: Readonly<Record<Language, Record<StateCategory, string>>> = {
  en: { submitted: 'Received', in_progress: 'In progress', waiting_on_customer: 'Waiting on you', resolved: 'Resolved' },
  de: { submitted: 'Eingegangen', in_progress: 'In Bearbeitung', waiting_on_customer: 'Wartet auf Sie', resolved: 'Gelöst' },
  fr: { submitted: 'Reçue', in_progress: 'En cours', waiting_on_customer: 'En attente de votre réponse', resolved: 'Résolue' },
  es: { submitted: 'Recibida', in_progress: 'En curso', waiting_on_customer: 'Esperando su respuesta', resolved: 'Resuelta' },
  pt: { submitted: 'Recebida', in_progress: 'Em andamento', waiting_on_customer: 'Aguardando a sua resposta', resolved: 'Resolvida' },
};
