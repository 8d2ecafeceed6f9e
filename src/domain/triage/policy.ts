/**
 * Facts → the policy's steps 0–7 and its priority rules (the product's triage policy), deterministically.
 * Every queue that applies is returned as a verdict with the facts that decided it; precedence picks the first.
 */
import type { Priority } from '../model';
import type { Facts } from './facts';
import { HANDOFF_FACTS } from './facts-handoff';
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

/** The teammate handed the case to some team other than `own`. */
function handedElsewhere(c: Context, own: string): boolean {
  return HANDOFF_FACTS.some((id) => id !== own && c.facts.has(id)) && !c.facts.has(own);
}

/** Blocked / degraded impact, read the way the priority section does. */
function impactLevel(c: Context): Priority | null {
  const blocked = c.facts.has('impact.blocked') && !c.facts.has('impact.workaround') && !c.facts.has('impact.still_works');
  const degraded = ['impact.degraded', 'impact.workaround', 'impact.blocked', 'impact.still_works'].some((id) => c.facts.has(id));
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
  const because = present(c.facts, [...MONEY_DISPUTE, 'handoff.billing']);
  if (because.length === 0) return null;
  const priority: Priority = present(c.facts, MONEY_TAKEN_WRONGLY).length > 0 ? 'P2' : 'P3';
  return { outcome: 'billing_legal', priority, step: 4, because };
}

function relationshipRisk(c: Context): Verdict | null {
  const because = present(c.facts, ['risk.churn', 'risk.cancel', 'risk.repeat']);
  if (c.facts.has('risk.frustration') && c.renewalSoon) because.push('risk.frustration', 'risk.renewal_soon');
  const complaint = c.facts.has('risk.frustration') || c.facts.has('risk.complaint');
  // An executive (C-level, VP, director, owner) raising a problem is a complaint; a manager needs words of complaint.
  const executiveComplaint =
    (c.facts.has('risk.executive') && (complaint || c.facts.has('tech.bug') || impactLevel(c) !== null || because.length > 0)) ||
    (c.facts.has('risk.manager') && complaint);
  if (executiveComplaint) because.push(c.facts.has('risk.executive') ? 'risk.executive' : 'risk.manager');
  // Below the enterprise tier the account team owns the relationship; for an enterprise it also takes tier requests (step 7).
  if (!c.enterprise && c.facts.has('handoff.account')) because.push('handoff.account');
  if (because.length === 0) return null;
  // The level of the problem underneath; a relationship-only risk is P3, never P4.
  const priority: Priority = impactLevel(c) === 'P1' ? 'P1' : impactLevel(c) === 'P2' ? 'P2' : 'P3';
  return { outcome: 'account_risk', priority, step: 5, because };
}

function productFault(c: Context): Verdict | null {
  const because = present(c.facts, [
    'tech.security',
    'tech.bug',
    'tech.reproduced',
    'money.shopper_duplicate',
    'tech.cosmetic',
    'tech.feature_request',
    'handoff.tech',
  ]);
  if (because.length === 0) return null;
  // "Could you add…" read as a feature request, while the teammate hands it to another team: a request, not a fault.
  const onlyWishes = because.every((id) => id === 'tech.feature_request' || id === 'tech.cosmetic');
  if (onlyWishes && handedElsewhere(c, 'handoff.tech')) return null;
  // Access lost after a change on the customer's side is an account-team job for an enterprise, not a product fault.
  if (c.enterprise && c.facts.has('tech.customer_side') && c.facts.has('ent.need') && !c.facts.has('tech.security')) return null;
  if (c.facts.has('tech.security')) return { outcome: 'technical_bugs', priority: 'P1', step: 6, because };
  const impact = impactLevel(c);
  const lowImpact = c.facts.has('tech.cosmetic') || c.facts.has('tech.feature_request') || c.facts.has('tech.low_impact');
  let priority: Priority = impact ?? (lowImpact ? 'P4' : 'P3');
  if (c.facts.has('money.shopper_duplicate') && (priority === 'P3' || priority === 'P4')) priority = 'P2';
  // A feature request or a harmless defect is P4 whatever words of impact come with it (policy: tier and tone never raise it).
  if (lowImpact && !c.facts.has('tech.bug')) priority = 'P4';
  return { outcome: 'technical_bugs', priority, step: 6, because };
}

function tierNeed(c: Context): Verdict | null {
  const handed = present(c.facts, ['handoff.enterprise', 'handoff.account']);
  if (!c.enterprise || (!c.facts.has('ent.need') && handed.length === 0)) return null;
  const because = [...present(c.facts, ['ent.need']), ...handed, ...present(c.facts, ['ent.deadline_soon'])];
  const impact = impactLevel(c);
  const soon = c.facts.has('ent.deadline_soon') && !c.facts.has('ent.deadline_far');
  const priority: Priority = impact === 'P1' ? 'P1' : soon || impact === 'P2' ? 'P2' : 'P3';
  return { outcome: 'vip_high_tier', priority, step: 7, because };
}

/** Every queue that applies, in the policy's precedence order (steps 2 → 7), then stay_in_chat. */
export function verdicts(facts: Facts, input: TriageInput): Verdict[] {
  const context: Context = {
    facts,
    // Only the enterprise tier raises priorities and opens step 7; VIP is a label, not the reason (policy step 7).
    enterprise: input.tier === 'enterprise',
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
