/**
 * Facts → the policy's steps 0–7 and its priority rules (/work/shared/triage-policy.md), deterministically.
 * Every queue that applies is returned as a verdict with the facts that decided it; precedence picks the first.
 */
import type { Priority } from '../model';
import type { Facts } from './facts';
import type { TriageInput, TriageOutcome } from './types';

export interface Verdict {
  outcome: TriageOutcome;
  priority: Priority | null;
  /** Policy step (1–7) that produced it; lower steps win. */
  step: number;
  /** Fact ids that decided it, most important first. */
  because: string[];
}

interface Context {
  facts: Facts;
  enterprise: boolean;
  renewalSoon: boolean;
}

const MONEY_DISPUTE = [
  'money.wrong_charge',
  'money.after_cancel',
  'money.chargeback',
  'money.cancel_with_money',
  'money.refund_ask',
  'money.invoice_fix',
  'money.sla_credit',
  'money.contract_terms',
];
const MONEY_TAKEN_WRONGLY = ['money.wrong_charge', 'money.after_cancel', 'money.chargeback'];

function present(facts: Facts, ids: readonly string[]): string[] {
  return ids.filter((id) => facts.has(id));
}

/** Blocked / degraded impact, read the way the priority section does. */
function impactLevel(c: Context): Priority | null {
  const blocked = c.facts.has('impact.blocked') && !c.facts.has('impact.workaround');
  const degraded = c.facts.has('impact.degraded') || c.facts.has('impact.workaround') || c.facts.has('impact.blocked');
  if (blocked) return c.enterprise ? 'P1' : 'P2';
  if (degraded) return c.enterprise ? 'P2' : 'P3';
  return null;
}

function legalOrPrivacy(c: Context): Verdict | null {
  const legal = present(c.facts, ['legal.threat']);
  const privacy = present(c.facts, ['privacy.dsar', 'privacy.dpa_negotiation', 'privacy.breach_notice']);
  if (legal.length === 0 && privacy.length === 0) return null;
  const exposure = c.facts.has('privacy.breach_notice') || c.facts.has('tech.security');
  const priority: Priority = legal.length > 0 || exposure ? 'P1' : c.enterprise && c.facts.has('ent.deadline_soon') ? 'P2' : 'P3';
  return { outcome: 'billing_legal', priority, step: 2, because: [...legal, ...privacy] };
}

function outageOrLoss(c: Context): Verdict | null {
  const because = present(c.facts, ['tech.data_loss', 'tech.outage_multi']);
  return because.length > 0 ? { outcome: 'technical_bugs', priority: 'P1', step: 3, because } : null;
}

function moneyDispute(c: Context): Verdict | null {
  const because = present(c.facts, MONEY_DISPUTE);
  if (because.length === 0) return null;
  const priority: Priority = present(c.facts, MONEY_TAKEN_WRONGLY).length > 0 ? 'P2' : 'P3';
  return { outcome: 'billing_legal', priority, step: 4, because };
}

function relationshipRisk(c: Context): Verdict | null {
  const because = present(c.facts, ['risk.churn', 'risk.cancel', 'risk.repeat']);
  if (c.facts.has('risk.frustration') && c.renewalSoon) because.push('risk.frustration', 'risk.renewal_soon');
  const executiveComplaint = c.facts.has('risk.executive') && (c.facts.has('risk.frustration') || because.length > 0);
  if (executiveComplaint) because.push('risk.executive');
  if (because.length === 0) return null;
  const impact = impactLevel(c);
  const priority: Priority = impact === 'P1' || impact === 'P2' ? 'P2' : 'P3';
  return { outcome: 'account_risk', priority, step: 5, because };
}

function productFault(c: Context): Verdict | null {
  const because = present(c.facts, [
    'tech.security',
    'tech.bug',
    'tech.reproduced',
    'money.shoppers',
    'tech.cosmetic',
    'tech.feature_request',
  ]);
  if (because.length === 0) return null;
  if (c.facts.has('tech.security')) return { outcome: 'technical_bugs', priority: 'P1', step: 6, because };
  const impact = impactLevel(c);
  const lowImpact = c.facts.has('tech.cosmetic') || c.facts.has('tech.feature_request');
  let priority: Priority = impact ?? (lowImpact ? 'P4' : 'P3');
  if (c.facts.has('money.shoppers') && c.facts.has('tech.bug') && (priority === 'P3' || priority === 'P4')) priority = 'P2';
  if (lowImpact && !c.facts.has('tech.bug') && impact === null) priority = 'P4';
  return { outcome: 'technical_bugs', priority, step: 6, because };
}

function tierNeed(c: Context): Verdict | null {
  if (!c.enterprise || !c.facts.has('ent.need')) return null;
  const because = ['ent.need', ...present(c.facts, ['ent.deadline_soon'])];
  const impact = impactLevel(c);
  const soon = c.facts.has('ent.deadline_soon') && !c.facts.has('ent.deadline_far');
  const priority: Priority = impact === 'P1' ? 'P1' : soon || impact === 'P2' ? 'P2' : 'P3';
  return { outcome: 'vip_high_tier', priority, step: 7, because };
}

/** Every queue that applies, in the policy's precedence order (steps 2 → 7), then stay_in_chat. */
export function verdicts(facts: Facts, input: TriageInput): Verdict[] {
  const context: Context = {
    facts,
    enterprise: input.tier === 'enterprise' || input.tier === 'vip',
    renewalSoon: input.renewalInDays !== null && input.renewalInDays < 60,
  };
  const applicable = [legalOrPrivacy, outageOrLoss, moneyDispute, relationshipRisk, productFault, tierNeed]
    .map((step) => step(context))
    .filter((verdict): verdict is Verdict => verdict !== null);
  const stay = present(facts, [
    'chat.solved',
    'chat.howto',
    'chat.routine_update',
    'chat.info',
    'chat.limitation_accepted',
    'privacy.dpa_standard',
  ]);
  applicable.push({ outcome: 'stay_in_chat', priority: null, step: 1, because: stay });
  return applicable;
}
