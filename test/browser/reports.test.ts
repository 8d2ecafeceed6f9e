/**
 * The reports page in a real Chromium with JavaScript off, on the sandbox as `npm start` runs it: the installer
 * follows the sidebar's Reports link, changes the period and a filter, reads figures that match the seeded history
 * (rebuilt here from the same seed): escalations, and the open backlog by state and by age. Downloads two CSVs.
 * Leaves a screenshot in test-artifacts/; UPDATE_SCREENSHOTS=1 also refreshes the README's.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { STATE_LABELS } from '../../src/domain/model';
import { AGE_BUCKETS } from '../../src/domain/reports/backlog';
import { presetPeriod } from '../../src/domain/reports/period';
import { DEMO_HISTORY_DAYS, demoHistory } from '../../src/sandbox/demo-reports';
import { artifact, describeBrowser, launchChromium } from './support/browser';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

let sandbox: TestSandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({ startJobs: false });
  browser = await launchChromium();
});

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

const DAY_MS = 86_400_000;

/** The seeded history's tickets open now, optionally in one queue (their ids are the fake's after boot; counts are not). */
async function seededOpen(queue?: string) {
  const { demo, application, clock } = sandbox;
  const rows = demoHistory(demo, await application.deps.settings.get(demo.workspaceId), clock.now());
  return rows.ticket_links.filter((t) => t.is_open === 1 && (queue === undefined || t.queue === queue));
}

/** Open tickets per age bucket, by calendar age (the demo's support runs around the clock, so business age is the same). */
async function seededAging(queue?: string): Promise<string[][]> {
  const now = sandbox.clock.now();
  const open = await seededOpen(queue);
  return AGE_BUCKETS.map((bucket, i) => {
    const from = i === 0 ? 0 : AGE_BUCKETS[i - 1]!.upTo;
    const n = open.filter((t) => (now - t.created_at) / DAY_MS >= from && (now - t.created_at) / DAY_MS < bucket.upTo).length;
    return [bucket.label, String(n), String(n)];
  });
}

async function seededByState(): Promise<string[][]> {
  const open = await seededOpen();
  return (['submitted', 'in_progress', 'waiting_on_customer'] as const).map((s) => [
    STATE_LABELS[s],
    String(open.filter((t) => t.state_category === s).length),
  ]);
}

const tableRows = (id: string) =>
  page
    .locator(`#t-${id} tbody tr`)
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent ?? '')));

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
    // The backlog is the same whatever the period: open now, spread over every age, in each open state.
    const aging = await seededAging();
    expect(aging.every(([, n]) => Number(n) > 0)).toBe(true);
    expect(await figure('open')).toBe(String((await seededOpen()).length));
    expect(await tableRows('aging')).toEqual(aging);
    expect(await tableRows('backlog-by-state')).toEqual(await seededByState());
    const screenshot = artifact('reports-90-days.png');
    await page.screenshot({ path: screenshot, fullPage: false });
    // The README's picture is a tracked file, so a plain test run leaves it alone.
    if (process.env.UPDATE_SCREENSHOTS === '1')
      copyFileSync(screenshot, path.join(__dirname, '..', '..', 'docs', 'screenshots', 'reports.png'));

    await page.getByLabel('Queue').selectOption('technical');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/queue=technical/);
    expect(await figure('escalations')).toBe(String(await seededEscalations(DEMO_HISTORY_DAYS, 'technical')));
    expect(await figure('open')).toBe(String((await seededOpen('technical')).length));
    expect(await tableRows('aging')).toEqual(await seededAging('technical'));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#escalation').getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Week of,Escalations');
    const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
    expect(total).toBe(await seededEscalations(DEMO_HISTORY_DAYS, 'technical'));

    const [agingDownload] = await Promise.all([page.waitForEvent('download'), page.locator('a[href^="/reports/csv/aging?"]').click()]);
    const agingCsv = readFileSync((await agingDownload.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(agingCsv[0]).toBe('Age,Calendar days,Business days');
    expect(agingCsv.slice(1).map((line) => line.split(','))).toEqual(await seededAging('technical'));
  });
});
