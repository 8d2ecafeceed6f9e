/**
 * The escalate form's view model: the back-office types, the triage recommendation's preselection (or the teammate's own
 * values when the form comes back), the summary preview, and what the conversation already has (an open ticket
 * or an escalation on its way).
 */
import type { ChoiceVM, EscalateField, EscalateFormVM } from '../../../canvases/view-models';
import { isPriority, isQueueKey, QUEUE_KEYS } from '../../domain/model';
import { summaryPreview } from '../../domain/summary';
import { type EscalationContext, type EscalationDeps, summaryFor } from '../../services/escalation';
import { allowsSharing, defaultTicketType } from '../../services/ticket-types';
import type { TicketLink } from '../../store';
import type { RawValues } from './input';

const PREVIEW_CHARS = 280;

export interface FormState {
  nonce: string;
  /** The teammate's values when the form comes back; absent on the first display. */
  values?: RawValues;
  fieldErrors?: Partial<Record<EscalateField, string>>;
  formError?: string | null;
  openTicket?: Pick<TicketLink, 'ticketId' | 'ticketNumber' | 'title'> | null;
  pendingEscalation?: { message: string } | null;
}

export function formModel(deps: EscalationDeps, context: EscalationContext, state: FormState): EscalateFormVM {
  const { settings, suggestion } = context;
  const ticketTypes = context.types.map((t): ChoiceVM => ({ id: t.id, label: t.name }));
  const [first, ...rest] = ticketTypes;
  if (!first) throw new Error('formModel needs at least one ticket type');
  const values = state.values;
  const chosenType = context.types.find((t) => t.id === values?.ticketTypeId) ?? defaultTicketType(context.types, settings)!;
  const reason = values ? values.reason : suggestion.reason;
  const summary = summaryFor(deps, context, reason);
  return {
    nonce: state.nonce,
    conversationId: context.conversationId,
    ticketTypes: [first, ...rest],
    ticketTypeId: chosenType.id,
    priority: isPriority(values?.priority) ? values.priority : suggestion.priority,
    queues: QUEUE_KEYS.map((q) => ({ id: q, label: settings.queues[q].label })),
    queue: isQueueKey(values?.queue) ? values.queue : suggestion.queue,
    reason,
    // Shown for the preselected type; a different choice in the dropdown is checked again on submit.
    shareAllowed: allowsSharing(chosenType),
    shareWithCustomer: values?.shareWithCustomer ?? false,
    summaryPreview: summaryPreview(summary, PREVIEW_CHARS),
    ...(state.fieldErrors ? { fieldErrors: state.fieldErrors } : {}),
    formError: state.formError ?? null,
    openTicket: state.openTicket
      ? {
          ticketId: state.openTicket.ticketId,
          ticketNumber: state.openTicket.ticketNumber ?? state.openTicket.ticketId,
          title: state.openTicket.title,
        }
      : null,
    pendingEscalation: state.pendingEscalation ?? null,
    recommendation: { headline: suggestion.view.headline, closeCall: suggestion.view.closeCall },
  };
}
