/**
 * The settings page in a real Chromium with JavaScript switched off: an admin
 * follows the sidebar's link, edits a section, meets a validation error next
 * to the field, and sees the change in the history. Controls are found by
 * their accessible names, as assistive technology finds them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type InstallHarness, startInstallHarness } from '../services/install/harness';
import { artifact, describeBrowser, launchChromium } from './support/browser';

let server: Server;
let h: InstallHarness;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  // Listen first: the app's public URL (settings links, cookies) must name the real port.
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  h = await startInstallHarness({ mode: 'private', publicUrl: `http://127.0.0.1:${port}` });
  server.on('request', h.application.app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
  // A CSP violation (an inline style or script slipping in) shows up as a console error. Failed loads are
  // not problems here: a 422 is how the page answers a form with errors, and Chromium asks for /favicon.ico.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
  h.fake.assertNoViolations();
});

async function openFromSidebar(): Promise<void> {
  const url = await h.application.deps.settingsUrlFor(h.demo.workspaceId, { id: h.demo.admins.agent, raw: {} });
  await page.goto(url!);
  await page.getByRole('heading', { level: 1, name: 'Settings for Acme Support' }).waitFor();
  // The link is the sign-in page: through the fake Intercom's OAuth (approving as the installer) to a session cookie.
  expect(new URL(page.url()).search).toBe('');
}

describeBrowser('settings page in Chromium (no JavaScript)', () => {
  it('lists failed work and retries it with its button; the list then says there is none', async () => {
    const { store } = h.application;
    const payload = { ticketId: '4242', step: 'breach' };
    const now = h.clock.now();
    const { job } = await store.outbox.enqueue(h.demo.workspaceId, { kind: 'ladder.step', dedupeKey: 'browser-dead', payload, now });
    await store.outbox.deadLetter(h.demo.workspaceId, job.id, { error: 'Intercom 503 service unavailable', now });
    await openFromSidebar();
    const failed = page.locator('#section-failed-work');
    await expect(failed.getByRole('row').nth(1).innerText()).resolves.toMatch(/SLA breach step\s+Ticket 4242\s+Intercom 503/);
    await failed.getByRole('button', { name: 'Retry SLA breach step (Ticket 4242)' }).click();
    await page.getByRole('status').getByText('Retry queued').waitFor();
    await page.locator('#section-failed-work').getByText('No failed work.').waitFor();
    expect((await store.outbox.get(h.demo.workspaceId, job.id))?.status).toBe('pending');
  });

  it('edits a section, then shows the saved change in the history', async () => {
    await openFromSidebar();
    const routing = page.locator('#section-routing');
    const technical = routing.getByRole('group', { name: 'Technical / Bugs' });
    await technical.getByLabel('Name shown to agents').fill('Engineering escalations');
    await technical.getByLabel('Technical / Bugs: Intercom team').selectOption({ label: 'Technical / Bugs' });
    await routing.getByRole('button', { name: 'Save queues and routing' }).click();

    await page.getByRole('status').getByText('Saved: Queues and routing').waitFor();
    await expect(technical.getByLabel('Name shown to agents').inputValue()).resolves.toBe('Engineering escalations');
    const entry = page.locator('#section-history .audit-entry').first();
    await expect(entry.innerText()).resolves.toMatch(/Version 1 · Alex Agent · Nov 18, 2026, 10:00 AM GMT/);
    await expect(entry.innerText()).resolves.toContain(
      'Technical / Bugs: name shown to agents: Technical / Bugs → Engineering escalations',
    );
    await expect(entry.innerText()).resolves.toContain(
      `Technical / Bugs: Intercom team: (empty) → Technical / Bugs (${h.demo.teams.technical})`,
    );
    await page.screenshot({ path: artifact('settings-saved.png'), fullPage: true });
    expect((await h.application.store.settings.get(h.demo.workspaceId)).settings.queues.technical.label).toBe('Engineering escalations');
  });

  it('shows a validation error next to the field, keeps the typed value, and saves nothing', async () => {
    await openFromSidebar();
    const before = (await h.application.store.settings.get(h.demo.workspaceId)).version;
    const sla = page.locator('#section-sla');
    const cell = sla.getByLabel('P1 Enterprise response, minutes');
    await cell.fill('soon');
    await sla.getByLabel('Monday').fill('9 to 5');
    await sla.getByRole('button', { name: 'Save SLA policy' }).click();

    const alert = page.getByRole('alert');
    await alert.getByText('Nothing was saved: please correct the fields below').waitFor();
    const field = page.locator('#section-sla').getByLabel('P1 Enterprise response, minutes');
    await expect(field.inputValue()).resolves.toBe('soon');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    // The error is the field's accessible description, so a screen reader reads it with the field.
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    await expect(page.locator(`#${describedBy}`).textContent()).resolves.toBe('Error: Enter a whole number');
    await expect(page.locator('#section-sla').getByLabel('Monday').inputValue()).resolves.toBe('9 to 5');

    // The summary's link moves focus to the field.
    await alert.getByRole('link', { name: /P1 enterprise: response \(minutes\)/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-sla-targets-P1-enterprise-responseMinutes');
    await page.locator('#section-sla').screenshot({ path: artifact('settings-validation.png') });
    expect((await h.application.store.settings.get(h.demo.workspaceId)).version).toBe(before);
  });

  it('shows how often the triage suggestions were kept, per queue, and the most common corrections', async () => {
    const record = (
      i: number,
      suggested: 'technical_bugs' | 'billing_legal' | 'stay_in_chat',
      finalQueue: 'technical' | 'billing_legal' | 'account_risk',
    ) =>
      h.application.store.triageFeedback.record(h.demo.workspaceId, {
        escalationId: `esc-${i}`,
        conversationId: `conv-${i}`,
        now: h.clock.now() + i,
        engineVersion: 'local-1',
        judged: true,
        suggestedOutcome: suggested,
        suggestedPriority: suggested === 'stay_in_chat' ? null : 'P2',
        signals: ['tech.bug'],
        baseScores: { [suggested]: 1 },
        finalQueue,
        finalPriority: 'P2',
      });
    let i = 0;
    for (let n = 0; n < 3; n++) await record(i++, 'technical_bugs', 'billing_legal');
    for (let n = 0; n < 5; n++) await record(i++, 'technical_bugs', 'technical');
    await record(i++, 'billing_legal', 'billing_legal');
    await record(i++, 'stay_in_chat', 'account_risk');

    await openFromSidebar();
    // Queue names are the workspace's own (an earlier test renames Technical / Bugs).
    const { queues } = (await h.application.store.settings.get(h.demo.workspaceId)).settings;
    const technical = queues.technical.label;
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const section = page.locator('#section-triage');
    await section.getByRole('heading', { level: 2, name: 'Triage suggestions' }).waitFor();
    await expect(section.locator('#triage-acceptance').innerText()).resolves.toBe(
      'Agents kept the suggested queue in 6 of 10 escalations (60 %), and the suggested priority in 9 of 9 escalations (100 %).',
    );
    const table = section.getByRole('table', { name: 'Acceptance per suggested queue' });
    await expect(table.getByRole('row', { name: technical }).innerText()).resolves.toMatch(
      new RegExp(`^${literal(technical)}\\s+8\\s+5\\s+63 %`),
    );
    await expect(table.getByRole('row', { name: /Keep in chat/ }).innerText()).resolves.toMatch(/Keep in chat\s+1\s+0\s+0 %/);
    await expect(section.getByRole('listitem').first().innerText()).resolves.toBe(`${technical} → ${queues.billing_legal.label} ×3`);
    await section.screenshot({ path: artifact('settings-triage.png') });
  });

  it('signs out with the Sign out button (a form posting its CSRF token), after which the page asks to sign in', async () => {
    await openFromSidebar();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signed out' }).waitFor();
    await page.goto(`${new URL(page.url()).origin}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to change Handoff settings' }).waitFor();
  });
});
