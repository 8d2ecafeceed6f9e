/** The outbox kind of an SLA ladder step; here, below jobs/, so services that describe jobs can name it too. */
export const LADDER_JOB_KIND = 'ladder.step';
