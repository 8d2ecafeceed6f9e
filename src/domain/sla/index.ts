/** The pure SLA module: import from here, not from the files inside (see README.md in this folder). */
export { addBusinessMs, businessMeter, businessMsBetween, calendarMeter, type MeterMode, type TimeMeter } from './business-calendar';
export {
  type ClockPhase,
  type ClockRun,
  type ClockState,
  clockStateSchema,
  effectiveTargetMs,
  parseClockState,
  readShownClockState,
  type Tightening,
  tighteningSchema,
} from './clock-state';
export { applyTicketState, applyTightening, changeTarget, markFirstResponse, type StartClockInput, startClock } from './clock';
export { DEFAULT_WARN_AT, evaluate, instantWhenSpent, type SlaEvaluation, type SlaStatus, spentMs } from './evaluate';
export {
  dueLadderSteps,
  type LadderFire,
  type LadderThresholds,
  ladderFractions,
  ladderSchedule,
  nextLadderStep,
} from './ladder';
export { type AccountRisk, meterFor, meterForClock, meterModeFor, type ResolvedTarget, resolveTarget, tighteningFor } from './policy';
