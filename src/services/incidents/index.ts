/** Incidents (issue 19): link conversations to tracker tickets, start one, unlink, and close the loop on resolve. */
export { type AppliedIncident, applyIncident, applyIncidentView } from './apply';
export { DEFAULT_PACING, type FanOutPacing } from '../resolve-fan-out';
export type { IncidentDeps } from './deps';
export { type FollowUpProgress, followUpProgress, incidentResolvedNoteHtml, runFanOut, runFollowUp } from './follow-ups';
export { fanOutJobPayload, followUpJobPayload, INCIDENT_JOB_KINDS, incidentKeys, linkJobPayload, startJobPayload } from './jobs';
export { commitLinked, giveUpLink, type LinkInput, type LinkOutcome, reserveLink, rereadTracker, runLink } from './link';
export { readTracker } from './read-tracker';
export { REFUSALS, refusalCode } from './refusals';
export { createSignatureRecorder, type SignatureRecorder } from './signature-recorder';
export { createTrackerSearch, RESULTS_SHOWN, type TrackerSearch, toOption } from './search';
export { incidentSnapshot, isTracker } from './snapshot';
export { PENDING_TRACKER, reserveStart, runStart, type StartOutcome, trackerTypeId } from './start';
export { requestUnlink, runUnlink } from './unlink';
