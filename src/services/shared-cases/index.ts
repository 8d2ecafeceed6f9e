/** Shared cases (issue 19): attach a conversation to another conversation's back-office ticket, detach, follow up on resolve. */
export { ATTACHED_REASON, type AttachInput, type AttachOutcome, attachToCase, REFUSED } from './attach';
export type { SharedCaseDeps } from './deps';
export { detachFromCase, NOT_ATTACHED } from './detach';
export { runCaseFanOut, runCaseFollowUp } from './follow-ups';
export { CASE_JOB_KINDS, caseFanOutPayload, caseFollowUpPayload, caseKeys } from './jobs';
export { enqueueCaseFanOut } from './resolve';
