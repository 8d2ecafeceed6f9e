/**
 * The settings page's "AI triage (optional)" section through real HTTP: the disclosure of what is sent where,
 * switching on with a key (sealed, bound to the workspace, never shown back or logged), replacing and removing it,
 * refused forms that change nothing, and the CSRF check.
 */
import type { InstallHarness } from '../../services/install/harness';
import { getPage, postForm, readForm, useSignedInSettings } from './support';
import { captureLog } from '../../support/log-lines';

const KEY = 'sk-ant-test-0123456789abcdefghijKLMNOP';
const OTHER_KEY = 'sk-proj-test-9876543210zyxwvutsrqQRST';

let h: InstallHarness;
let session: string;
let logLines: string[];
useSignedInSettings(
  (started, signedIn) => {
    h = started;
    session = signedIn;
  },
  () => {
    const log = captureLog('info');
    logLines = log.lines;
    return { mode: 'private', logger: log.logger };
  },
);

const ws = () => h.demo.workspaceId;
const stored = () => h.application.store.triageAi.getSettings(ws());
const aiForm = async (changes: Record<string, string>) => {
  const page = await getPage(h, session);
  const { enabled: _enabled, ...form } = readForm(page.text, 'triage-ai');
  return postForm(h, session, 'triage-ai', { ...form, ...changes });
};

it('is off by default and says what is sent to which provider', async () => {
  const page = await getPage(h, session);
  expect(page.status).toBe(200);
  const section = page.text.slice(page.text.indexOf('id="section-triage-ai"'));
  expect(section).toContain('<strong>Off.</strong>');
  expect(section).toContain('api.anthropic.com');
  expect(section).toContain('api.openai.com');
  expect(section).toMatch(/masked<\/strong>: email addresses, card numbers/);
  expect(section).toContain('No API key is stored.');
  expect(readForm(page.text, 'triage-ai')['enabled']).toBeUndefined();
  expect(await stored()).toBeNull();
});

it('switches on with a key that is sealed for this workspace, never shown back and never logged', async () => {
  const res = await aiForm({ enabled: 'on', provider: 'openai', model: 'gpt-test', key: KEY });
  expect(res.status).toBe(303);
  expect(res.headers['location']).toBe('/settings?saved=triage-ai#section-triage-ai');
  const record = await stored();
  expect(record).toMatchObject({ enabled: true, provider: 'openai', model: 'gpt-test', updatedBy: h.demo.admins.agent });
  expect(record!.key!.ciphertext).not.toContain(KEY);
  expect(h.application.cipher.decrypt(record!.key!.ciphertext, ws())).toBe(KEY);
  expect(() => h.application.cipher.decrypt(record!.key!.ciphertext, 'another-workspace')).toThrow();

  const page = await getPage(h, session, '/settings?saved=triage-ai');
  expect(page.text).toContain('Saved: AI triage');
  expect(page.text).toContain('<strong>On: OpenAI, model gpt-test.</strong>');
  expect(page.text).toContain('An API key is stored, sealed');
  expect(page.text).not.toContain(KEY);
  expect(page.text).not.toContain(KEY.slice(-6));
  expect(readForm(page.text, 'triage-ai')['key']).toBe('');
  expect(logLines.join('')).not.toContain(KEY.slice(8));
  expect(logLines.some((line) => line.includes('AI triage settings saved') && line.includes('"keyChange":"replaced"'))).toBe(true);
});

it('keeps the key when the field is left empty, replaces it when a new one is entered, and removal switches off', async () => {
  await aiForm({ enabled: 'on', provider: 'anthropic', model: 'claude-test', key: KEY });
  const first = await stored();
  expect((await aiForm({ enabled: 'on', provider: 'anthropic', model: 'claude-other' })).status).toBe(303);
  expect(await stored()).toMatchObject({ model: 'claude-other', key: first!.key });

  await aiForm({ enabled: 'on', provider: 'openai', model: 'gpt-test', key: OTHER_KEY });
  const replaced = await stored();
  expect(h.application.cipher.decrypt(replaced!.key!.ciphertext, ws())).toBe(OTHER_KEY);

  expect((await aiForm({ removeKey: 'on' })).status).toBe(303);
  expect(await stored()).toMatchObject({ enabled: false, key: null });
  expect((await getPage(h, session)).text).toContain('<strong>Off.</strong>');
});

it('refuses switching on without a key, a bad model name or a short key, and changes nothing', async () => {
  const cases: [Record<string, string>, string, string][] = [
    [{ enabled: 'on', provider: 'openai', model: 'gpt-test' }, 'ai-key', 'Enter the API key to switch the AI provider on.'],
    [{ enabled: 'on', provider: 'openai', model: 'gpt test <b>', key: KEY }, 'ai-model', 'A model name has only letters'],
    [{ enabled: 'on', provider: 'openai', model: 'gpt-test', key: 'short' }, 'ai-key', 'shorter than any provider'],
    [{ enabled: 'on', provider: 'mistral', model: 'm', key: KEY }, 'ai-provider', 'Choose Anthropic or OpenAI.'],
  ];
  for (const [changes, field, message] of cases) {
    const res = await aiForm(changes);
    expect(res.status).toBe(422);
    expect(res.text).toContain(`href="#${field}"`);
    expect(res.text).toContain(message);
    expect(res.text).not.toContain(KEY);
  }
  expect(await stored()).toBeNull();
});

it('refuses a form without the session’s CSRF token, and without a session', async () => {
  const page = await getPage(h, session);
  const { _csrf: _dropped, ...form } = readForm(page.text, 'triage-ai');
  const forged = await postForm(h, session, 'triage-ai', { ...form, enabled: 'on', provider: 'openai', model: 'gpt-test', key: KEY });
  expect(forged.status).toBe(403);
  const anonymous = await postForm(h, null, 'triage-ai', { ...readForm(page.text, 'triage-ai'), enabled: 'on', key: KEY });
  expect(anonymous.status).toBe(401);
  expect(await stored()).toBeNull();
});
