/**
 * The reports page in a real Chromium with JavaScript off, on the sandbox as `npm start` runs it: the installer
 * follows the sidebar's Reports link, changes the period and a filter, reads figures that match the seeded history
 * (rebuilt here from the same seed), and downloads a CSV. Leaves a screenshot for the README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { presetPeriod } from '../../src/domain/reports/period';
import { DEMO_HISTORY_DAYS, demoHistory } from '../../src/sandbox/demo-reports';
import { describeBrowser, launchChromium } from './support/browser';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

let sandbox: TestSandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({ startJobs: false });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

const figure = (id: string) => page.locator(`[data-figure="${id}"] .value`).innerText();

/** Escalations the seeded history holds in the last `days` days, optionally in one queue. */
async function seededEscalations(days: number, queue?: string): Promise<number> {
  const { demo, application, clock } = sandbox;
  const settings = await application.deps.settings.get(demo.workspaceId);
  const workspace = await application.store.workspaces.get(demo.workspaceId);
  const { current } = presetPeriod(days, clock.now(), workspace!.timezone);
  const rows = demoHistory(demo, settings, clock.now());
  return rows.escalations.filter((e) => {
    const request = JSON.parse(e.request_json) as { queue: string };
    return e.created_at >= current.from && e.created_at < current.to && (queue === undefined || request.queue === queue);
  }).length;
}

describeBrowser('reports page in Chromium (no JavaScript)', () => {
  it('opens from the sidebar link, changes period and filter, shows the seeded figures, downloads a CSV', async () => {
    const { demo, application } = sandbox;
    const link = await application.deps.reportsUrlFor?.(demo.workspaceId, { id: demo.admins.manager, raw: {} });
    expect(link).toMatch(/\/reports\?token=/);
    // The sandbox listens on a free port its configured public URL cannot know: keep the link's path and token.
    const { pathname, search } = new URL(link!);
    await page.goto(`${sandbox.url}${pathname}${search}`);
    await page.getByRole('heading', { level: 1, name: 'Handoff reports' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await figure('escalations')).toBe(String(await seededEscalations(30)));

    await page.getByLabel('Last').selectOption('90');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/days=90/);
    expect(await figure('escalations')).toBe(String(await seededEscalations(DEMO_HISTORY_DAYS)));
    await page.screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'screenshots', 'reports.png'), fullPage: false });

    await page.getByLabel('Queue').selectOption('technical');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/queue=technical/);
    expect(await figure('escalations')).toBe(String(await seededEscalations(DEMO_HISTORY_DAYS, 'technical')));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#escalation').getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Week of,Escalations');
    const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
    expect(total).toBe(await seededEscalations(DEMO_HISTORY_DAYS, 'technical'));
  }, 90_000);
});
