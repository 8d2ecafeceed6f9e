/**
 * A case as its customer sees it in the Messenger card and the embed: a title written for the customer (per
 * queue, from the settings), the state's customer-facing name, when it last changed, and whether the team is
 * waiting on them. Built from an allow-list of fields, so nothing internal (owner, team, priority, the ticket's own
 * title, notes, SLA figures) can be added to what a customer receives by accident.
 */
import type { QueueKey, StateCategory } from '../model';
import type { Language } from '../triage/language';
import { customerStateName } from './message';
import type { CustomerSettings } from './settings';

export interface CaseFacts {
  ticketId: string;
  ticketNumber: string | null;
  conversationId: string;
  queue: QueueKey | null;
  state: StateCategory;
  externalLabel: string | null;
  changedAt: number;
}

export interface CustomerCaseView {
  /** Handoff's handle for the case (the ticket's id): what "add details" names; reveals nothing by itself. */
  id: string;
  reference: string | null;
  title: string;
  state: StateCategory;
  stateName: string;
  /** Epoch ms. */
  changedAt: number;
  /** The team needs something from the customer: the card offers a way to add details. */
  waitingOnCustomer: boolean;
  /** The conversation the case came from: the embed opens it in the Messenger. */
  conversationId: string;
}

export function customerCaseView(facts: CaseFacts, settings: CustomerSettings, language: Language): CustomerCaseView {
  return {
    id: facts.ticketId,
    reference: facts.ticketNumber ? `#${facts.ticketNumber}` : null,
    title: settings.titles[facts.queue ?? 'default'],
    state: facts.state,
    stateName: customerStateName(facts.state, facts.externalLabel, language),
    changedAt: facts.changedAt,
    waitingOnCustomer: facts.state === 'waiting_on_customer',
    conversationId: facts.conversationId,
  };
}

/** What the customer is asked for when the team waits on them, in their language. */
export const DETAILS_PROMPT: Readonly<Record<Language, string>> = {
  en: 'Our team needs more details from you to continue.',
  de: 'Unser Team braucht weitere Angaben von Ihnen, um fortzufahren.',
  fr: 'Notre équipe a besoin de précisions de votre part pour continuer.',
  es: 'Nuestro equipo necesita más detalles para continuar.',
  pt: 'A nossa equipe precisa de mais detalhes para continuar.',
};

/** The words around the cases on the customer's side, in the languages the product writes. */
export interface CustomerWords {
  heading: string;
  none: string;
  signIn: string;
  unavailable: string;
  updated: string;
  addDetails: string;
  send: string;
  thanks: string;
}

export const CUSTOMER_WORDS: Readonly<Record<Language, CustomerWords>> = {
  en: {
    heading: 'Your requests',
    none: 'You have no open requests.',
    signIn: 'Sign in to see your requests.',
    unavailable: 'Your requests cannot be shown here.',
    updated: 'Updated',
    addDetails: 'Your details',
    send: 'Send details',
    thanks: 'Thank you: your details were added to the conversation.',
  },
  de: {
    heading: 'Ihre Anfragen',
    none: 'Sie haben keine offenen Anfragen.',
    signIn: 'Melden Sie sich an, um Ihre Anfragen zu sehen.',
    unavailable: 'Ihre Anfragen können hier nicht angezeigt werden.',
    updated: 'Aktualisiert',
    addDetails: 'Ihre Angaben',
    send: 'Angaben senden',
    thanks: 'Danke: Ihre Angaben wurden dem Gespräch hinzugefügt.',
  },
  fr: {
    heading: 'Vos demandes',
    none: 'Vous n’avez aucune demande en cours.',
    signIn: 'Connectez-vous pour voir vos demandes.',
    unavailable: 'Vos demandes ne peuvent pas être affichées ici.',
    updated: 'Mis à jour',
    addDetails: 'Vos précisions',
    send: 'Envoyer',
    thanks: 'Merci : vos précisions ont été ajoutées à la conversation.',
  },
  es: {
    heading: 'Sus solicitudes',
    none: 'No tiene solicitudes abiertas.',
    signIn: 'Inicie sesión para ver sus solicitudes.',
    unavailable: 'Sus solicitudes no se pueden mostrar aquí.',
    updated: 'Actualizado',
    addDetails: 'Sus detalles',
    send: 'Enviar detalles',
    thanks: 'Gracias: sus detalles se añadieron a la conversación.',
  },
  pt: {
    heading: 'As suas solicitações',
    none: 'Você não tem solicitações abertas.',
    signIn: 'Entre para ver as suas solicitações.',
    unavailable: 'As suas solicitações não podem ser exibidas aqui.',
    updated: 'Atualizado',
    addDetails: 'Os seus detalhes',
    send: 'Enviar detalhes',
    thanks: 'Obrigado: os seus detalhes foram adicionados à conversa.',
  },
};
