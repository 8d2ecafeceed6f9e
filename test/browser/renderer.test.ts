/**
 * The simulator's Canvas Kit renderer in Chromium, fed canvases through the page's playground ("Render any Canvas
 * Kit JSON"): every component type and style, value collection on submit, the three action types, and the red
 * problem panel for a canvas that breaks the schema and Intercom's rules.
 */
import type { Browser, Page } from 'playwright-core';
import { escapeMarkdown, markdownLink, md } from '../../canvases/kit';
import { artifact, describeBrowser, launchChromium } from './support/browser';
import { brokenCanvas, everyComponent } from './support/canvases';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

describeBrowser('Canvas Kit renderer in the Inbox simulator', () => {
  let sandbox: TestSandbox;
  let browser: Browser;
  let page: Page;

  const settled = () => page.waitForSelector('body[data-busy="0"]');
  async function paste(kind: 'initialize' | 'submit', response: unknown): Promise<void> {
    await page.locator('[data-testid="playground"] summary').click();
    await page.selectOption('#playground-kind', kind);
    await page.fill('[data-testid="playground-json"]', JSON.stringify(response));
    await page.click('[data-testid="playground-render"]');
    await settled();
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox({ startJobs: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(sandbox.simulatorUrl);
    await settled();
  });
  afterEach(async () => {
    await page.close();
    sandbox.fake.assertNoViolations();
  });

  it('draws all twelve components with their styles, disabled and save_state', async () => {
    await paste('submit', everyComponent);
    const canvas = page.locator('[data-testid="canvas"]');
    await expect(canvas.locator(':scope > *').count()).resolves.toBe(everyComponent.canvas.content.components.length);
    // Drawn, but flagged: the tutorial's checkbox `options` is not the spec's `option`.
    await expect(page.locator('[data-testid="canvas-problems"] li').allTextContents()).resolves.toEqual([
      "schema: /canvas/content/components/14 must have required property 'option'",
    ]);
    // Markdown: bold and a link that opens in a new tab; nothing else becomes markup.
    await expect(canvas.locator('.ck-text-header strong').textContent()).resolves.toBe('#4411');
    await expect(canvas.locator('.ck-text-header a').getAttribute('href')).resolves.toBe('https://status.example.com');
    await expect(canvas.locator('.ck-text-header a').getAttribute('target')).resolves.toBe('_blank');
    await expect(canvas.locator('.ck-text-muted.ck-align-center.ck-flush').count()).resolves.toBe(1);
    await expect(canvas.locator('.ck-text-error.ck-align-right').count()).resolves.toBe(1);
    await expect(canvas.locator('.ck-image-box.ck-align-center img.ck-rounded').getAttribute('width')).resolves.toBe('120');
    await expect(canvas.locator('.ck-spacer-m').evaluate((e) => e.getBoundingClientRect().height)).resolves.toBe(16);
    await expect(canvas.locator('.ck-dt-value').nth(1).getAttribute('title')).resolves.toContain('a long value');
    // Interactive components and their states.
    await expect(canvas.locator('.ck-button-primary').textContent()).resolves.toBe('Go');
    await expect(canvas.locator('.ck-button-secondary').count()).resolves.toBe(2);
    await expect(canvas.locator('.ck-button-link').textContent()).resolves.toBe('Sheet');
    await expect(canvas.locator('button[data-component-id="off"]').isDisabled()).resolves.toBe(true);
    await expect(canvas.locator('input[data-component-id="email_ok"]').isEditable()).resolves.toBe(false);
    await expect(canvas.locator('.ck-state-saved .ck-saved-mark').textContent()).resolves.toBe('✓');
    await expect(canvas.locator('.ck-state-failed input[data-component-id="bad"]').count()).resolves.toBe(1);
    await expect(canvas.locator('textarea.ck-error[data-component-id="why"]').count()).resolves.toBe(1);
    await expect(canvas.locator('select[data-component-id="team"]').inputValue()).resolves.toBe('billing');
    await expect(canvas.locator('select[data-component-id="team"] option[value="legal"]').isDisabled()).resolves.toBe(true);
    await expect(canvas.locator('[data-option-id="p2"]').getAttribute('aria-checked')).resolves.toBe('true');
    await expect(canvas.locator('[data-component-id="notify"] input:checked').count()).resolves.toBe(1);
    await expect(canvas.locator('[data-component-id="share"] input').count()).resolves.toBe(1);
    await expect(canvas.locator('[data-component-id="doc_1"] .ck-item-sub').textContent()).resolves.toBe('Help center • Updated May');
    await expect(canvas.locator('li.ck-disabled[data-component-id="doc_2"] img.ck-rounded').count()).resolves.toBe(1);
    await page.screenshot({ path: artifact('renderer-every-component.png'), fullPage: true });
  });

  it('on submit sends every interactive value and the canvas (with stored_data) back, as Intercom does', async () => {
    await paste('submit', everyComponent);
    const canvas = page.locator('[data-testid="canvas"]');
    await canvas.locator('input[data-component-id="order_id"]').fill('4411');
    await canvas.locator('textarea[data-component-id="why"]').fill('Customer asked twice');
    await canvas.locator('select[data-component-id="team"]').selectOption('tech');
    await canvas.locator('[data-option-id="p1"]').click();
    await canvas.locator('[data-component-id="share"] input').check();
    const sent = page.waitForRequest((request) => request.url().endsWith('/sandbox/api/submit'));
    await canvas.locator('button[data-component-id="go"]').click();
    const body = (await sent).postDataJSON() as Record<string, unknown>;
    await settled();
    expect(body.componentId).toBe('go');
    expect(body.inputValues).toEqual({
      order_id: '4411',
      email_ok: 'done',
      bad: 'x',
      why: 'Customer asked twice',
      team: 'tech',
      prio: 'p1',
      notify: ['lead'],
      share: ['yes'],
    });
    expect(body.currentCanvas).toEqual(everyComponent.canvas);
    // The app really answered: it does not know a "go" button, and says so in a valid error canvas.
    await expect(page.locator('[data-testid="canvas"]').textContent()).resolves.toContain('not available');
    await expect(page.locator('[data-testid="canvas-ok"]').textContent()).resolves.toContain('Valid submit response from the app');
  });

  it('opens url actions in a new tab and says sheet actions are Messenger-only', async () => {
    await paste('submit', everyComponent);
    const popup = page.waitForEvent('popup');
    await page.locator('button[data-component-id="docs"]').click();
    await expect(popup.then((p) => p.url())).resolves.toMatch(/^https:\/\/docs\.example\.com\/|^about:blank|^chrome-error/);
    await expect(page.locator('[data-testid="canvas-notice"]').textContent()).resolves.toContain('https://docs.example.com/');
    await page.locator('button[data-component-id="sheet"]').click();
    await expect(page.locator('[data-testid="canvas-notice"]').textContent()).resolves.toContain('Messenger');
  });

  it('shows escaped markdown literally: the escaped link and bold stay text, a link we built still works', async () => {
    const escaped = String(escapeMarkdown('[Re-verify](https://evil.example) **now** see https://evil.example'));
    const ours = String(md`${'[x]'} ${markdownLink('status', 'https://status.example.com')}`);
    const components = [
      { type: 'text', id: 'customer', text: escaped },
      { type: 'text', id: 'ours', text: ours },
    ];
    await paste('submit', { canvas: { content: { components } } });
    const canvas = page.locator('[data-testid="canvas"]');
    await expect(canvas.locator('.ck-text').first().textContent()).resolves.toBe(
      '[Re-verify](https://evil.example) **now** see https://evil.example',
    );
    await expect(canvas.locator('.ck-text').first().locator('a, strong').count()).resolves.toBe(0);
    await expect(canvas.locator('.ck-text').nth(1).textContent()).resolves.toBe('[x] status');
    await expect(canvas.locator('.ck-text').nth(1).locator('a').getAttribute('href')).resolves.toBe('https://status.example.com');
  });

  it('lists every problem of a broken canvas in a red panel', async () => {
    await paste('initialize', brokenCanvas);
    const panel = page.locator('[data-testid="canvas-problems"]');
    await expect(panel.isVisible()).resolves.toBe(true);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain("breaks Intercom's rules");
    expect(text).toContain('"heading" is not a Canvas Kit component');
    expect(text).toContain("components/1 must have required property 'action'");
    expect(text).toContain('64 KB');
    expect(text).toContain('button "create" is primary on the first canvas');
    expect(text).toMatch(/renders \d+ px tall here; the Inbox allows 400 px/);
    await expect(page.locator('[data-testid="canvas"] .ck-unknown').textContent()).resolves.toContain('heading');
    await expect(panel.evaluate((e) => getComputedStyle(e).borderTopColor)).resolves.toBe('rgb(224, 49, 49)');
    await page.screenshot({ path: artifact('renderer-broken-canvas.png') });
  });
});
