/**
 * Actions the Inbox supports: submit and url. `sheet` is Messenger-only (canvas-kit.md §6), so there is no
 * builder for it.
 */
import { BoundedMemo } from '../../src/util/bounded-memo';
import { CanvasRuleError } from './errors';
import { frozen } from './freeze';
import type { SubmitAction, UrlAction } from './types';

const SUBMIT: SubmitAction = frozen({ type: 'submit' });

export function submitAction(): SubmitAction {
  return SUBMIT;
}

/** http(s) only: anything else (javascript:, data:) would be a link we never meant to render. */
export function urlAction(url: string): UrlAction {
  // Parsing a URL costs more than the rest of a button; the same links (a ticket's, Settings) come back view after view.
  return urlActions.get(url, () => frozen({ type: 'url', url: checkedUrl(url, ['https:', 'http:']) }));
}

/** Checked actions by URL. A URL that fails the check throws, so it is never kept. */
const urlActions = new BoundedMemo<string, UrlAction>(10_000);

export function checkedUrl(url: string, protocols: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CanvasRuleError('invalid_url', `not an absolute URL: ${JSON.stringify(url.slice(0, 80))}`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new CanvasRuleError('invalid_url', `${parsed.protocol} URLs are not allowed here (${protocols.join(', ')})`);
  }
  return url;
}
