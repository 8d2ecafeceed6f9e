/** The engine's recommendation as the app uses it: the input mapping, and the words the teammate reads. */
export { clockTime } from './clock-time';
export {
  COULD_NOT_JUDGE,
  describeRecommendation,
  KEEP_IN_CHAT,
  messageSource,
  outcomeLabel,
  preselection,
  type QueueLabels,
  type ReasonLine,
  type RecommendationView,
  reasonPrefill,
} from './explain';
export { type AccountFacts, customerTier, type MappedInput, triageInputFrom } from './input';
