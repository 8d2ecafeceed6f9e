/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (no browser download).
 * When Chromium is missing the browser suites skip with a loud message, unless REQUIRE_BROWSER=1 (CI sets it),
 * in which case they fail: CI must never pass by skipping them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox (root in CI), and no background traffic: this machine's network is closed. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const ARTIFACTS_DIR = path.join(__dirname, '..', '..', '..', 'test-artifacts');

export const browserAvailable = existsSync(CHROMIUM_PATH);
const required = process.env.REQUIRE_BROWSER === '1';

/**
 * `describe` for a browser suite: runs when Chromium is there; otherwise skips loudly, or fails when
 * REQUIRE_BROWSER=1.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (browserAvailable) {
    describe(name, body);
    return;
  }
  if (required) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} is missing: apt-get install -y --no-install-recommends chromium`);
      });
    });
    return;
  }
  process.stderr.write(
    `\n!!! BROWSER TESTS SKIPPED (${name}): ${CHROMIUM_PATH} not found. ` +
      'Install it with `apt-get install -y --no-install-recommends chromium`; CI sets REQUIRE_BROWSER=1 so it cannot skip.\n\n',
  );
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Where a screenshot goes: test-artifacts/ (gitignored), created on demand. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}
