/**
 * The Inbox simulator open in Chromium on a fresh sandbox for a whole describe block (its tests are one story, in
 * order), with the moves every story makes: wait for the page to settle, read and click the sidebar's canvas, check
 * the canvas against Intercom's rules. Getters, because the page exists only once `beforeAll` has run.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startTestSandbox, type TestSandbox } from './sandbox';

export interface Simulator {
  readonly sandbox: TestSandbox;
  readonly page: Page;
  /** The sidebar's rendered canvas. */
  readonly sidebar: Locator;
  settled(): Promise<unknown>;
  canvasText(): Promise<string>;
  clickCanvasButton(label: string | RegExp): Promise<void>;
  /** Opens the inbox's conversation whose row shows `title`. */
  openConversation(title: string): Promise<void>;
  /** The last canvas was valid: no problem listed, and the green line names the app's answer. */
  expectValidCanvas(): Promise<void>;
}

export function useSimulator(): Simulator {
  let sandbox: TestSandbox;
  let browser: Browser;
  let page: Page;
  let sidebar: Locator;
  const settled = () => page.waitForSelector('body[data-busy="0"]');

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

  return {
    get sandbox() {
      return sandbox;
    },
    get page() {
      return page;
    },
    get sidebar() {
      return sidebar;
    },
    settled,
    canvasText: async () => (await sidebar.textContent()) ?? '',
    async clickCanvasButton(label) {
      await sidebar.locator('button.ck-button', { hasText: label }).first().click();
      await settled();
    },
    async openConversation(title) {
      await page.locator('[data-conversation-id]', { hasText: title }).click();
      await settled();
    },
    async expectValidCanvas() {
      await expect(page.locator('[data-testid="canvas-problems"]').count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="canvas-ok"]').textContent()).resolves.toMatch(
        /Valid (initialize|submit) response from the app/,
      );
    },
  };
}
