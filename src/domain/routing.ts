/**
 * The escalate form's preselection: a priority and a queue from the detected signals, and a reason prefill that
 * lists them. Agents can change all three; these rules only have to be a good first guess, and explainable.
 *
 * Priority
 *   1. No signals at all → P4: the agent escalates for reasons we cannot see, nothing says it is urgent.
 *   2. Otherwise the most urgent keyword decides (see `signals/severity.ts`): outage/data loss/security → P1,
 *      legal/lawyer/GDPR/chargeback → P2, refund/cancel/"not working" and any other signal → P3.
 *   3. A VIP contact or company raises the result one level (P3 → P2, never above P1).
 *
 * Queue, first match wins. Specialist queues come before tier queues: the team that can fix the problem should
 * own it, and the customer's tier already shortens the SLA through the priority and the tier matrix.
 *   1. billing_legal  a Billing / Legal keyword (refund, invoice, chargeback, legal …): money and legal exposure
 *                     need those specialists even when the message also mentions a bug.
 *   2. technical      a Technical keyword (bug, error, API, outage …).
 *   3. account_risk   an Account Risk keyword (cancel, churn, competitor …), or a renewal inside the signal window
 *                     or a high-risk flag together with frustration at/above the threshold.
 *   4. vip            a VIP queue keyword, or an enterprise (or VIP) tier.
 *   5. default
 * Queue keywords come from `settings.queues[q].keywords` and are matched in customer messages like signal keywords.
 */
import type { ConversationView } from './conversation';
import { type Priority, PRIORITIES, type QueueKey, raisePriority } from './model';
import type { WorkspaceSettings } from './settings';
import { customerCorpus, findKeywords, keywordPriority, type Signal, type SignalFacts } from './signals';

export type PriorityRule = 'no_signals' | 'keyword' | 'signals';
export type QueueRule = 'keyword' | 'renewal_frustration' | 'tier' | 'default';

export interface EscalationSuggestion {
  priority: Priority;
  queue: QueueKey;
  /** Prefill for the reason textarea. */
  reason: string;
  /** Which rule chose each value, for tests and for the form's hint line. */
  rules: { priority: PriorityRule; queue: QueueRule; vipRaised: boolean; queueKeywords: readonly string[] };
}

export interface SuggestionInput {
  signals: readonly Signal[];
  facts: SignalFacts;
  settings: WorkspaceSettings;
  /** Needed for the per-queue keywords, which are not signal keywords (e.g. "invoice", "API"). */
  conversation: ConversationView;
}

const QUEUE_ORDER_BY_KEYWORD: readonly QueueKey[] = ['billing_legal', 'technical', 'account_risk', 'vip'];

function basePriority(signals: readonly Signal[], facts: SignalFacts): { priority: Priority; rule: PriorityRule } {
  if (signals.length === 0) return { priority: 'P4', rule: 'no_signals' };
  if (facts.keywords.length === 0) return { priority: 'P3', rule: 'signals' };
  const best = Math.min(...facts.keywords.map((k) => PRIORITIES.indexOf(keywordPriority(k))));
  return { priority: PRIORITIES[best] as Priority, rule: 'keyword' };
}

function chooseQueue(input: SuggestionInput): { queue: QueueKey; rule: QueueRule; keywords: string[] } {
  const { facts, settings, conversation } = input;
  const corpus = customerCorpus(conversation);
  const hits = new Map<QueueKey, string[]>();
  for (const queue of QUEUE_ORDER_BY_KEYWORD) hits.set(queue, findKeywords(corpus, settings.queues[queue].keywords));
  const pick = (queue: QueueKey) => ({ queue, rule: 'keyword' as const, keywords: hits.get(queue) ?? [] });

  if (hits.get('billing_legal')?.length) return pick('billing_legal');
  if (hits.get('technical')?.length) return pick('technical');
  if (hits.get('account_risk')?.length) return pick('account_risk');
  const atRisk = (facts.renewalInDays !== null && facts.renewalInDays <= settings.signals.renewalWindowDays) || facts.highRisk;
  const frustrated = facts.frustration > 0 && facts.frustration >= settings.signals.frustrationThreshold;
  if (atRisk && frustrated) return { queue: 'account_risk', rule: 'renewal_frustration', keywords: [] };
  if (hits.get('vip')?.length) return pick('vip');
  if (facts.tier === 'enterprise' || facts.isVip) return { queue: 'vip', rule: 'tier', keywords: [] };
  return { queue: 'default', rule: 'default', keywords: [] };
}

function reasonText(signals: readonly Signal[], priority: Priority, queueLabel: string, matched: readonly string[]): string {
  const lines = signals.length > 0 ? ['Detected signals:', ...signals.map((s) => `- ${s.label}`)] : ['No escalation signals detected.'];
  const because = matched.length > 0 ? ` (matched: ${matched.join(', ')})` : '';
  lines.push(`Suggested: ${priority} · ${queueLabel}${because}`);
  return lines.join('\n');
}

export function suggestEscalation(input: SuggestionInput): EscalationSuggestion {
  const base = basePriority(input.signals, input.facts);
  const vipRaised = input.facts.isVip && base.priority !== 'P1';
  const priority = input.facts.isVip ? raisePriority(base.priority) : base.priority;
  const { queue, rule, keywords } = chooseQueue(input);
  return {
    priority,
    queue,
    reason: reasonText(input.signals, priority, input.settings.queues[queue].label, keywords),
    rules: { priority: base.rule, queue: rule, vipRaised, queueKeywords: keywords },
  };
}
