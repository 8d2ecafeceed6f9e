import type { ContactView, ConversationView } from '../../src/domain/conversation';
import { suggestEscalation } from '../../src/domain/routing';
import { defaultSettings, type WorkspaceSettings } from '../../src/domain/settings';
import { analyseSignals } from '../../src/domain/signals';
import { chat, contactView, DAY_MS, NOW_MS } from '../fixtures/conversations/factory';
import { emptyConversation } from '../fixtures/conversations/scenarios';

const settings = defaultSettings();

function suggest(messages: string | string[], contact: ContactView | null = contactView(), workspace: WorkspaceSettings = settings) {
  const lines = (Array.isArray(messages) ? messages : [messages]).map((body) => ({ who: 'customer' as const, body }));
  return suggestFor(chat(lines), contact, workspace);
}

function suggestFor(conversation: ConversationView, contact: ContactView | null, workspace: WorkspaceSettings = settings) {
  const { signals, facts } = analyseSignals({ conversation, contact, company: null, settings: workspace.signals, now: NOW_MS });
  return suggestEscalation({ signals, facts, settings: workspace, conversation });
}

const soonRenewal = { renewal_date: Math.floor((NOW_MS + 20 * DAY_MS) / 1000) };

describe('priority', () => {
  it('is P4 with no signals at all', () => {
    expect(suggestFor(emptyConversation(), null)).toMatchObject({ priority: 'P4', queue: 'default', rules: { priority: 'no_signals' } });
    expect(suggest('How do I export to CSV?')).toMatchObject({ priority: 'P4', queue: 'default' });
  });

  it('is P1 for an outage, data loss or security incident', () => {
    expect(suggest('We have an outage since 9am')).toMatchObject({ priority: 'P1', rules: { priority: 'keyword' } });
    expect(suggest('This looks like data loss')).toMatchObject({ priority: 'P1' });
    expect(suggest('Possible security issue in the login')).toMatchObject({ priority: 'P1' });
  });

  it('is P2 for legal exposure and chargebacks', () => {
    expect(suggest('Our lawyer will be in touch')).toMatchObject({ priority: 'P2' });
    expect(suggest('This is a GDPR request')).toMatchObject({ priority: 'P2' });
    expect(suggest('We filed a chargeback')).toMatchObject({ priority: 'P2' });
  });

  it('is P3 for refunds, cancellations and any other signal', () => {
    expect(suggest('I want a refund')).toMatchObject({ priority: 'P3' });
    expect(suggest('Please cancel my plan')).toMatchObject({ priority: 'P3' });
    expect(suggest('Hi', contactView({ tier: 'pro' }))).toMatchObject({ priority: 'P3', rules: { priority: 'signals' } });
  });

  it('takes the most urgent keyword when several match', () => {
    expect(suggest('Refund us for the outage, or our lawyer calls')).toMatchObject({ priority: 'P1' });
  });

  it('raises one level for VIPs, never above P1', () => {
    const vip = contactView({ tier: 'vip' });
    expect(suggest('I want a refund', vip)).toMatchObject({ priority: 'P2', rules: { vipRaised: true } });
    expect(suggest('Outage!', vip)).toMatchObject({ priority: 'P1', rules: { vipRaised: false } });
    expect(suggest('Our lawyer asks', vip)).toMatchObject({ priority: 'P1' });
    // VIP is itself a signal, so a VIP without other signals starts at P3 and is raised to P2.
    expect(suggest('Hello', vip)).toMatchObject({ priority: 'P2' });
    expect(suggest('Please cancel', contactView({ tier: 'enterprise' }))).toMatchObject({ priority: 'P3', rules: { vipRaised: false } });
  });
});

describe('queue', () => {
  it('routes billing and legal keywords to billing_legal', () => {
    expect(suggest('The invoice is wrong')).toMatchObject({
      queue: 'billing_legal',
      rules: { queue: 'keyword', queueKeywords: ['invoice'] },
    });
    expect(suggest('I want a refund')).toMatchObject({ queue: 'billing_legal' });
  });

  it('routes bug, error and API keywords to technical', () => {
    expect(suggest('The API returns an error')).toMatchObject({ queue: 'technical', rules: { queueKeywords: ['error', 'api'] } });
    expect(suggest('We have an outage')).toMatchObject({ queue: 'technical' });
  });

  it('routes churn keywords to account_risk', () => {
    expect(suggest('We are switching to a competitor')).toMatchObject({
      queue: 'account_risk',
      rules: { queueKeywords: ['competitor', 'switching'] },
    });
  });

  it('routes a close renewal or high-risk flag plus frustration to account_risk', () => {
    const angry = ['Still waiting?? This is unacceptable!!', 'Hello?? Terrible service.'];
    expect(suggest(angry, contactView(soonRenewal))).toMatchObject({ queue: 'account_risk', rules: { queue: 'renewal_frustration' } });
    expect(suggest(angry, contactView({ high_risk: true }))).toMatchObject({ queue: 'account_risk' });
    // Either half alone is not enough.
    expect(suggest('A calm question', contactView(soonRenewal))).toMatchObject({ queue: 'default' });
    expect(suggest(angry, contactView())).toMatchObject({ queue: 'default' });
  });

  it('routes enterprise and VIP tiers to vip', () => {
    expect(suggest('Hello', contactView({ tier: 'enterprise' }))).toMatchObject({ queue: 'vip', rules: { queue: 'tier' } });
    expect(suggest('Hello', contactView({ tier: 'vip' }))).toMatchObject({ queue: 'vip' });
    expect(suggest('Hello', contactView({ tier: 'pro' }))).toMatchObject({ queue: 'default' });
  });

  it('applies the documented precedence', () => {
    const enterprise = contactView({ tier: 'enterprise', ...soonRenewal });
    expect(suggest('The API error means our lawyer gets involved', enterprise)).toMatchObject({ queue: 'billing_legal' }); // legal beats technical
    expect(suggest('This bug makes us cancel', enterprise)).toMatchObject({ queue: 'technical' }); // technical beats churn
    expect(suggest(['Still?? unacceptable!!', 'Terrible!!'], enterprise)).toMatchObject({ queue: 'account_risk' }); // risk beats tier
  });

  it('uses the workspace queue keywords', () => {
    const custom = defaultSettings();
    custom.queues.vip.keywords = ['white glove'];
    custom.queues.technical.keywords = ['webhook'];
    expect(suggest('Our webhook stopped', contactView(), custom)).toMatchObject({
      queue: 'technical',
      rules: { queueKeywords: ['webhook'] },
    });
    expect(suggest('We expect white glove service', contactView(), custom)).toMatchObject({ queue: 'vip', rules: { queue: 'keyword' } });
    expect(suggest('The API is down', contactView(), custom)).toMatchObject({ queue: 'default' });
  });
});

describe('reason prefill', () => {
  it('lists the detected signals and the suggestion', () => {
    const result = suggest('We have an outage and want a refund', contactView({ tier: 'vip' }));
    expect(result.reason).toBe(
      [
        'Detected signals:',
        '- Keyword: outage',
        '- VIP tier',
        '- Keyword: refund',
        'Suggested: P1 · Billing / Legal (matched: refund)',
      ].join('\n'),
    );
  });

  it('says so when nothing was detected', () => {
    expect(suggest('Hello').reason).toBe('No escalation signals detected.\nSuggested: P4 · General escalations');
  });
});
