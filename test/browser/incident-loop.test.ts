/**
 * Incidents in the Inbox simulator, in Chromium, on the sandbox's demo workspace (which has a Tracker ticket type
 * and open trackers): start an incident from one outage conversation, link a second one to it from the search, resolve
 * the tracker in the back-office view (a signed webhook to the app), move the clock, and both conversations carry
 * the resolve follow-up.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { artifact, describeBrowser, launchChromium } from './support/browser';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

jest.setTimeout(60_000);

describeBrowser('Inbox simulator: one incident for an outage, resolved for every linked conversation', () => {
  let sandbox: TestSandbox;
  let browser: Browser;
  let page: Page;
  let sidebar: Locator;
  let incidentNumber = '';

  const settled = () => page.waitForSelector('body[data-busy="0"]');
  const canvasText = async () => (await sidebar.textContent()) ?? '';
  const clickCanvasButton = async (label: string | RegExp) => {
    await sidebar.locator('button.ck-button', { hasText: label }).first().click();
    await settled();
  };
  const open = async (title: string) => {
    await page.locator('[data-conversation-id]', { hasText: title }).click();
    await settled();
  };
  const expectValidCanvas = async () => {
    await expect(page.locator('[data-testid="canvas-problems"]').count()).resolves.toBe(0);
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    sidebar = page.locator('[data-testid="canvas"]');
    await page.goto(sandbox.simulatorUrl);
    await settled();
  });
  afterAll(async () => {
    await browser?.close();
    sandbox?.fake.assertNoViolations();
    await sandbox?.close();
  });

  it('lists the demo workspace’s open trackers and starts an incident from the outage conversation', async () => {
    await open('Dashboard down: 502 errors');
    await clickCanvasButton('Link to an incident');
    await expectValidCanvas();
    const search = await canvasText();
    expect(search).toContain('SSO sign-in fails for contractor accounts');
    expect(search).toContain('Large exports time out');
    await clickCanvasButton('Start an incident');
    await sidebar.locator('input[data-component-id="incident_title"]').fill('Dashboard and reports return 502');
    await clickCanvasButton('Start incident');
    await expectValidCanvas();
    const started = await canvasText();
    expect(started).toMatch(/Incident #\d+ started/);
    incidentNumber = /Incident #(\d+) started/.exec(started)![1]!;
    await page.screenshot({ path: artifact('incident-1-started.png') });
  });

  it('links a second conversation to it from the search', async () => {
    await open('Cannot load reports (502)');
    await clickCanvasButton('Link to an incident');
    await clickCanvasButton(`#${incidentNumber}`);
    await clickCanvasButton('Link conversation');
    await expectValidCanvas();
    await clickCanvasButton('Done');
    const shown = await canvasText();
    expect(shown).toContain(`Incident #${incidentNumber}`);
    expect(shown).toContain('2 conversations');
  });

  it('resolves the tracker in the back office: both conversations get the follow-up once the outbox runs', async () => {
    const tracker = page.locator('.bo-ticket', { hasText: 'Dashboard and reports return 502' });
    await tracker.locator('[data-testid="bo-state"]').selectOption('resolved');
    await tracker.locator('[data-testid="bo-set-state"]').click();
    await settled();
    await expect(page.locator('[data-testid="clock-result"]').textContent()).resolves.toContain('webhook ticket.state.updated → 200');
    // The follow-ups are paced (due one after another); moving the clock lets the outbox run them.
    await page.click('.clock button[data-minutes="15"]');
    await settled();
    for (const title of ['Cannot load reports (502)', 'Dashboard down: 502 errors']) {
      await open(title);
      const transcript = (await page.locator('[data-testid="transcript"]').textContent()) ?? '';
      expect(transcript.split(`Incident #${incidentNumber} resolved`).length - 1).toBe(1);
      expect(await canvasText()).toContain('Follow-ups sent to all 2 conversations');
    }
    await expectValidCanvas();
    await page.screenshot({ path: artifact('incident-2-resolved.png') });
  });
});
