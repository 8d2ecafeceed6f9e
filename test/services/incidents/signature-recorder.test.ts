import { createSignatureRecorder } from '../../../src/services/incidents/signature-recorder';
import type { Store } from '../../../src/store';
import { useMemoryStore } from '../../support/memory-store';

const MINUTE = 60_000;
const theStore = useMemoryStore('ws-a');
let store: Store;
beforeEach(() => {
  store = theStore();
});

const stored = async () => (await store.conversationSignals.listSince('ws-a', 0, 10)).map((s) => [s.conversationId, s.keys.join(' ')]);

describe('problem signatures noted by sidebar views', () => {
  it('are written by the flush, the latest per conversation, and an unchanged one only after the rewrite interval', async () => {
    const recorder = createSignatureRecorder({ store, rewriteMs: 10 * MINUTE });
    recorder.note('ws-a', 'c1', ['code:E_1'], 0);
    recorder.note('ws-a', 'c1', ['code:E_2'], MINUTE);
    expect(await stored()).toEqual([]);
    expect(await recorder.flush()).toBe(1);
    expect(await stored()).toEqual([['c1', 'code:E_2']]);
    recorder.note('ws-a', 'c1', ['code:E_2'], 5 * MINUTE);
    expect(await recorder.flush()).toBe(0);
    recorder.note('ws-a', 'c1', ['code:E_2'], 12 * MINUTE);
    expect(await recorder.flush()).toBe(1);
  });

  it('keeps a batch the database refused and writes it on the next pass', async () => {
    const errors: unknown[] = [];
    let down = true;
    const flaky: Store = {
      ...store,
      transaction: ((work) => (down ? Promise.reject(new Error('database restarting')) : store.transaction(work))) as Store['transaction'],
    };
    const recorder = createSignatureRecorder({ store: flaky, onError: (error) => errors.push(error) });
    recorder.note('ws-a', 'c1', ['code:E_1'], 0);
    expect(await recorder.flush()).toBe(0);
    expect(errors).toHaveLength(1);
    down = false;
    expect(await recorder.flush()).toBe(1);
    expect(await stored()).toEqual([['c1', 'code:E_1']]);
  });

  it('drops notes beyond the pending bound instead of growing', async () => {
    const recorder = createSignatureRecorder({ store, pendingMax: 2 });
    for (let i = 0; i < 5; i++) recorder.note('ws-a', `c${i}`, ['code:E_1'], 0);
    expect(await recorder.flush()).toBe(2);
  });
});
