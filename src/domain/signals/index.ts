/**
 * Escalation signals, deterministic and offline: keywords in customer messages, tier, renewal, high-risk flag and
 * frustration. `analyseSignals` also returns the facts behind them, which SLA tightening and routing read.
 */
import type { CompanyView, ContactView, ConversationView } from '../conversation';
import type { SignalSettings } from '../settings';
import { readHighRisk, readRenewal, readTier } from './attributes';
import { scoreFrustration } from './frustration';
import { customerCorpus, findKeywords } from './keywords';
import { keywordPriority } from './severity';
import { SIGNAL_KINDS, type Signal, type SignalFacts } from './types';

export type { FrustrationBreakdown } from './frustration';
export { scoreFrustration } from './frustration';
export { customerCorpus, findKeywords, keywordPattern } from './keywords';
export { keywordPriority } from './severity';
export { SIGNAL_KINDS, type Signal, type SignalFacts, type SignalKind } from './types';

export interface SignalInput {
  conversation: ConversationView;
  contact: ContactView | null;
  company: CompanyView | null;
  settings: SignalSettings;
  /** Epoch ms; renewal distance is measured from here. */
  now: number;
}

export interface SignalAnalysis {
  /** Most important first. */
  signals: Signal[];
  facts: SignalFacts;
}

/**
 * Weights order the list: incidents (P1 keywords) first, then a flagged account, then legal/dispute keywords and a
 * close renewal, tier, and last the everyday keywords. Frustration weighs its own score (4–10 once shown).
 */
const KEYWORD_WEIGHT = { P1: 10, P2: 8, P3: 5, P4: 3 } as const;
const TIER_WEIGHT = { vip: 7, enterprise: 6, pro: 3 } as const;
const HIGH_RISK_WEIGHT = 9;

function renewalWeight(days: number): number {
  if (days <= 14) return 8;
  return days <= 30 ? 6 : 4;
}

function renewalLabel(days: number): string {
  if (days === 0) return 'Renewal today';
  return days === 1 ? 'Renewal in 1 day' : `Renewal in ${days} days`;
}

function bySignificance(a: Signal, b: Signal): number {
  return b.weight - a.weight || SIGNAL_KINDS.indexOf(a.kind) - SIGNAL_KINDS.indexOf(b.kind) || a.key.localeCompare(b.key, 'en');
}

export function analyseSignals({ conversation, contact, company, settings, now }: SignalInput): SignalAnalysis {
  const corpus = customerCorpus(conversation);
  const keywords = findKeywords(corpus, settings.keywords);
  const { tier, isVip } = readTier(settings, contact, company);
  const { renewalAt, renewalInDays } = readRenewal(settings, contact, company, now);
  const highRisk = readHighRisk(settings, contact, company);
  const frustration = corpus ? scoreFrustration(conversation, corpus).score : 0;

  const signals: Signal[] = keywords.map((key) => ({
    kind: 'keyword',
    key,
    label: `Keyword: ${key}`,
    weight: KEYWORD_WEIGHT[keywordPriority(key)],
  }));
  if (highRisk) signals.push({ kind: 'high_risk', key: 'high_risk', label: 'High-risk account', weight: HIGH_RISK_WEIGHT });
  if (isVip) signals.push({ kind: 'tier', key: 'vip', label: 'VIP tier', weight: TIER_WEIGHT.vip });
  else if (tier !== 'standard') {
    signals.push({ kind: 'tier', key: tier, label: tier === 'enterprise' ? 'Enterprise tier' : 'Pro tier', weight: TIER_WEIGHT[tier] });
  }
  if (renewalInDays !== null && renewalInDays <= settings.renewalWindowDays) {
    signals.push({ kind: 'renewal', key: 'renewal', label: renewalLabel(renewalInDays), weight: renewalWeight(renewalInDays) });
  }
  if (frustration > 0 && frustration >= settings.frustrationThreshold) {
    signals.push({ kind: 'frustration', key: 'frustration', label: `Frustration ${frustration}/10`, weight: frustration });
  }
  signals.sort(bySignificance);
  return { signals, facts: { tier, isVip, renewalInDays, renewalAt, frustration, highRisk, keywords } };
}

/** The signals alone, most important first. */
export function detectSignals(input: SignalInput): Signal[] {
  return analyseSignals(input).signals;
}
