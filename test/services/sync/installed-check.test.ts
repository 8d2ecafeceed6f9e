import { installedCheck } from '../../../src/services/sync/installed-check';
import { ManualClock } from '../../../src/util/clock';
import { useMemoryStore } from '../../support/memory-store';

describe('installedCheck', () => {
  const store = useMemoryStore('ws_a');

  it('remembers "installed" for its time to live, then reads the store again', async () => {
    const clock = new ManualClock(Date.UTC(2026, 11, 7));
    const isInstalled = installedCheck(store(), clock, 5_000);
    expect(await isInstalled('ws_a')).toBe(true);
    await store().workspaces.markUninstalled('ws_a', clock.now());
    expect(await isInstalled('ws_a')).toBe(true);
    clock.advance(5_001);
    expect(await isInstalled('ws_a')).toBe(false);
  });

  it('never remembers "not installed": an install is seen at once', async () => {
    const clock = new ManualClock(Date.UTC(2026, 11, 7));
    const isInstalled = installedCheck(store(), clock, 5_000);
    expect(await isInstalled('ws_unknown')).toBe(false);
    let reads = 0;
    const get = (id: string) => {
      reads++;
      return store().workspaces.get(id);
    };
    const counting = { ...store(), workspaces: { ...store().workspaces, get } };
    const check = installedCheck(counting, clock, 5_000);
    await check('ws_unknown');
    await check('ws_unknown');
    expect(reads).toBe(2);
  });
});
