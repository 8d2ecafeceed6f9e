/**
 * Actions the Inbox supports: submit and url. `sheet` is Messenger-only (canvas-kit.md §6), so there is no
 * builder for it.
 */
import { CanvasRuleError } from './errors';
import { frozen } from './freeze';
import type { SubmitAction, UrlAction } from './types';

const SUBMIT: SubmitAction = frozen({ type: 'submit' });

export function submitAction(): SubmitAction {
  return SUBMIT;
}

/** http(s) only: anything else (javascript:, data:) would be a link we never meant to render. */
export function urlAction(url: string): UrlAction {
  return frozen({ type: 'url', url: checkedUrl(url, ['https:', 'http:']) });
}

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
