/** Learning from the agents' corrections (per workspace) and the acceptance figures the settings page shows. */
export { outcomeForQueue } from './labels';
export { createLearner, DEFAULT_LEARNER_OPTIONS, type Learner, type LearnerOptions, type LearningExample, learnAdjustments } from './learner';
export { type Correction, type FeedbackFact, type FeedbackStats, feedbackStats, type Rate } from './stats';
