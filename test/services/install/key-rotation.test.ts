import { type DemoWorkspace, type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { createTokenCipher } from '../../../src/security/token-cipher';
import { type Database, openDatabase } from '../../../src/store';
import { sealV1 } from '../../support/legacy-token';
import { ManualClock } from '../../../src/util/clock';
import { type CapturedLog, captureLog } from '../../support/log-lines';
import { installWith, KEY_1, START, startInstallHarness } from './harness';

const KEY_2 = `k2:${Buffer.alloc(32, 22).toString('base64')}`;
const KEY_0 = { id: 'k0', key: Buffer.alloc(32, 99) };

let fake: FakeIntercom;
let database: Database;
let demo: DemoWorkspace;
const clock = new ManualClock(START);

beforeEach(async () => {
  fake = await startFakeIntercom({ clock });
  database = openDatabase({ sqlitePath: ':memory:' });
  demo = fake.seedDemoWorkspace();
});
afterEach(async () => {
  fake.assertNoViolations();
  await fake.close();
});

/** Starts the app on the shared database with `key` current and `previous` still accepted. */
async function start(key: string, previous?: string, log?: CapturedLog) {
  return startInstallHarness({
    mode: 'oauth',
    fake,
    clock,
    database,
    encryptionKey: key,
    ...(previous ? { previousKeys: previous } : {}),
    ...(log ? { logger: log.logger } : {}),
    demo,
  });
}

describe('token encryption keys', () => {
  it('re-seals every token under the current key on start, and the install keeps working', async () => {
    const first = await start(KEY_1);
    const second = fake.seedDemoWorkspace({ id: 'ws-two', token: 'tok_two' });
    await installWith(first.application, fake, first.demo.token, clock);
    await installWith(first.application, fake, second.token, clock);
    const before = await first.application.store.workspaces.list();
    expect(before.map((w) => w.token?.keyId)).toEqual(['k1', 'k1']);

    const log = captureLog('info');
    const rotated = await start(KEY_2, KEY_1, log);
    const after = await rotated.application.store.workspaces.list();
    expect(after.map((w) => w.token?.keyId)).toEqual(['k2', 'k2']);
    // Sealed afresh (new IV), not relabelled, and still the same token inside.
    expect(after[0]!.token!.ciphertext).not.toBe(before[0]!.token!.ciphertext);
    const k2Only = createTokenCipher({ id: 'k2', key: Buffer.alloc(32, 22) });
    expect(after.map((w) => k2Only.decrypt(w.token!.ciphertext, w.id))).toEqual([first.demo.token, 'tok_two']);
    expect(log.lines.join('')).toContain('"resealed":2');

    fake.clearLog();
    await (await rotated.application.deps.directory.clientFor('ws-two')).teams.list();
    expect(fake.requests.map((r) => [r.path, r.workspaceId, r.status])).toEqual([['/teams', 'ws-two', 200]]);
    await rotated.close();
  });

  it('leaves a token no configured key opens, reports it, and still starts and re-seals the others', async () => {
    const first = await start(KEY_1);
    const other = fake.seedDemoWorkspace({ id: 'ws-lost', token: 'tok_lost' });
    await installWith(first.application, fake, first.demo.token, clock);
    await installWith(first.application, fake, other.token, clock);
    // A token sealed under a key that has since been dropped from the configuration entirely.
    await first.application.store.workspaces.setToken('ws-lost', createTokenCipher(KEY_0).encrypt('tok_lost', 'ws-lost'));

    const log = captureLog('info');
    const rotated = await start(KEY_2, KEY_1, log);
    const report = await rotated.application.install.resealTokens();
    expect(report).toEqual({ checked: 2, resealed: 0, unreadable: ['ws-lost'] });
    expect((await rotated.application.store.workspaces.get(first.demo.workspaceId))?.token?.keyId).toBe('k2');
    expect((await rotated.application.store.workspaces.get('ws-lost'))?.token?.keyId).toBe('k0');
    expect(log.lines.join('')).toMatch(/"workspaceId":"ws-lost".*must reinstall/);
    expect(log.lines.join('')).not.toContain('tok_lost');
    await expect(rotated.application.deps.directory.clientFor('ws-lost')).rejects.toMatchObject({ code: 'not_installed' });
    await rotated.close();
  });

  it('leaves tokens already under the current key alone', async () => {
    const first = await start(KEY_1);
    await installWith(first.application, fake, first.demo.token, clock);
    const sealed = (await first.application.store.workspaces.get(first.demo.workspaceId))?.token;
    const again = await start(KEY_1);
    expect(await again.application.install.resealTokens()).toEqual({ checked: 1, resealed: 0, unreadable: [] });
    expect((await again.application.store.workspaces.get(first.demo.workspaceId))?.token).toEqual(sealed);
    await again.close();
  });

  it('re-seals a token stored in the v1 format (bound to its key only) as v2 bound to its workspace, once', async () => {
    const first = await start(KEY_1);
    await installWith(first.application, fake, first.demo.token, clock);
    const ws = first.demo.workspaceId;
    const k1 = { id: 'k1', key: Buffer.alloc(32, 11) };
    await first.application.store.workspaces.setToken(ws, { ciphertext: sealV1(k1, first.demo.token), keyId: 'k1' });

    const again = await start(KEY_1);
    const stored = (await again.application.store.workspaces.get(ws))?.token;
    expect(stored?.ciphertext).toMatch(/^v2\.k1\./);
    expect(createTokenCipher(k1).decrypt(stored!.ciphertext, ws)).toBe(first.demo.token);
    expect(() => createTokenCipher(k1).decrypt(stored!.ciphertext, 'ws-other')).toThrow();
    expect(await again.application.install.resealTokens()).toEqual({ checked: 1, resealed: 0, unreadable: [] });
    fake.clearLog();
    await (await again.application.deps.directory.clientFor(ws)).teams.list();
    expect(fake.requests.map((r) => [r.path, r.status])).toEqual([['/teams', 200]]);
    await again.close();
  });
});
