/**
 * The triage service over a real (in-memory SQLite) store: learnt adjustments are cached until the workspace's
 * feedback changes, written here or by another instance (the change feed), and a conversation seen again as it
 * stands is not analysed again.
 */
import { createStore, migrateToLatest, openDatabase, type Store } from '../../../src/store';
import { createTriageService, type TriageService } from '../../../src/services/triage';
import { chat } from '../../fixtures/conversations/factory';

const FACTS = { tier: 'pro' as const, isVip: false, renewalInDays: null };
const WS = 'ws-a';
let store: Store;
let service: TriageService;

beforeEach(async () => {
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  store = createStore(database);
  await store.workspaces.upsert(WS, {
    name: 'Acme',
    region: 'us',
    apiBaseUrl: 'https://api.intercom.io',
    timezone: 'UTC',
    token: null,
    installMode: 'private',
    installedAt: 1,
    installedByAdminId: null,
  });
  service = createTriageService(store);
});
afterEach(() => store.close());

const chargeback = () =>
  chat([
    { who: 'customer', body: '<p>You charged my card after I cancelled the add-on, so I have filed a chargeback with my bank.</p>' },
    { who: 'agent', body: '<p>Could you tell me the date of the charge?</p>' },
    { who: 'customer', body: '<p>12 November, 240 GBP.</p>' },
  ]);

async function correct(times: number, queue: 'account_risk'): Promise<void> {
  for (let i = 0; i < times; i++) {
    const recommended = await service.recommend(WS, chargeback(), FACTS);
    const row = service.feedback(recommended, { id: `e${i}`, conversationId: `c${i}`, now: 1000 + i }, { queue, priority: 'P2' });
    await store.triageFeedback.record(WS, row);
  }
}

describe('the triage service', () => {
  it('does not analyse a conversation again while it stands as it was', async () => {
    const conversation = chargeback();
    const first = await service.recommend(WS, conversation, FACTS);
    expect(await service.recommend(WS, chargeback(), FACTS)).toBe(first);
    const longer = chat([
      { who: 'customer', body: '<p>You charged my card after I cancelled the add-on, so I have filed a chargeback with my bank.</p>' },
      { who: 'agent', body: '<p>Could you tell me the date of the charge?</p>' },
      { who: 'customer', body: '<p>12 November, 240 GBP.</p>' },
      { who: 'customer', body: '<p>Any news?</p>' },
    ]);
    expect(await service.recommend(WS, longer, FACTS)).not.toBe(first);
    expect(await service.recommend(WS, conversation, { ...FACTS, tier: 'enterprise' })).not.toBe(first);
  });

  it('applies what the workspace taught on the next recommendation, without being told (the change feed tells it)', async () => {
    const before = (await service.recommend(WS, chargeback(), FACTS)).recommendation;
    expect(before.outcome).toBe('billing_legal');
    await correct(4, 'account_risk');
    const after = (await service.recommend(WS, chargeback(), FACTS)).recommendation;
    expect(after.outcome === 'account_risk' || after.runnerUp?.outcome === 'account_risk').toBe(true);
  });

  it('records the scores before adjustments, so replaying feedback never compounds what was learnt', async () => {
    await correct(6, 'account_risk');
    const rows = await store.triageFeedback.listRecent(WS, 10);
    for (const row of rows) expect(row.baseScores).toEqual(rows[0]!.baseScores);
    expect(rows[0]!.baseScores.billing_legal).toBeGreaterThan(rows[0]!.baseScores.account_risk ?? 0);
  });

  it('sums up acceptance for the settings page', async () => {
    await correct(2, 'account_risk');
    const stats = await service.stats(WS);
    expect(stats.queue).toEqual({ accepted: 0, total: 2 });
    expect(stats.corrections[0]).toEqual({ from: 'billing_legal', to: 'account_risk', count: 2 });
  });
});
