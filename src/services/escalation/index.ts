/** The escalation service: context reads, submit (reserve + inline create), and the outbox jobs. */
export { BudgetExceededError, withBudget } from './budget';
export { type EscalationContext, loadContext, summaryFor } from './context';
export { DEFAULT_BUDGETS, type EscalationBudgets, type EscalationDeps, type EscalationLogger } from './deps';
export { classify, type Failure } from './failures';
export { createFormCompanies, FORM_COMPANIES_TTL_MS, type FormCompanies } from './form-companies';
export { giveUpCreateTicket, runCreateTicket, runPostNote, runShareTicket } from './jobs';
export { createTicketInput, JOB_CREATE_TICKET, JOB_POST_NOTE, JOB_SHARE_TICKET, jobKey, linkTicket } from './link';
export { carriesNoteReference, findEscalationTicket, noteReference, ticketDescription, ticketReference } from './markers';
export { type EscalationPayload, escalationPayloadSchema, readPayload } from './payload';
export { payloadFor, ticketTitle } from './payload-builder';
export { type EscalationChoice, idempotencyKey, type SubmitOutcome, submitEscalation } from './submit';
