/**
 * The sandbox's demo customer site: the page a company's product would be, with Handoff's embed added the way the
 * README tells a company to (a container and one script tag carrying the options), and a button that opens the
 * Messenger. Every value is escaped; the page runs no inline script (the same CSP a careful site would use).
 */
import { escapeHtml } from '../../domain/text';

export interface CustomerPageModel {
  appId: string;
  userJwt: string;
  customerName: string;
  /** Where the SDK loads the Messenger's widget from; null = Intercom's own URL (a browser test routes it). */
  widgetUrl: string | null;
}

/** As a site running the Messenger would have it: its own scripts and Intercom's widget loader, nothing inline. */
export const CUSTOMER_PAGE_CSP =
  "default-src 'self'; script-src 'self' https://widget.intercom.io; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "frame-ancestors 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";

export function customerPage(model: CustomerPageModel): string {
  const e = escapeHtml;
  const widget = model.widgetUrl ? ` data-widget-url="${e(model.widgetUrl)}"` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Cloud: customer view (sandbox)</title>
<link rel="stylesheet" href="/sandbox/customer/site.css"></head>
<body data-testid="customer-site">
<header class="banner"><strong>SANDBOX</strong> Customer view: what ${e(model.customerName)} sees on the company’s own site and in the Messenger. <a href="/sandbox">Back to the Inbox simulator</a></header>
<main>
<h1>Acme Cloud · Your account</h1>
<section><h2>Your requests</h2>
<div id="handoff-requests" data-testid="requests">Loading your requests…</div>
</section>
<p><button type="button" id="open-messenger">Open the Messenger</button></p>
</main>
<script src="/embed/handoff-embed.js" data-app-id="${e(model.appId)}" data-user-jwt="${e(model.userJwt)}" data-container="#handoff-requests"${widget}></script>
<script src="/sandbox/customer/site.js"></script>
</body></html>`;
}

/** The page's own script: the Messenger button (the SDK's `show`, through the same `window.Intercom` command). */
export const CUSTOMER_SITE_SCRIPT = `document.getElementById('open-messenger').addEventListener('click', function () {
  if (typeof window.Intercom === 'function') window.Intercom('show');
});`;

export const CUSTOMER_SITE_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2933}
.banner{background:#fff4ce;padding:8px 16px;border-bottom:1px solid #e0c96b}
main{max-width:720px;margin:24px auto;padding:0 16px}
.handoff-requests{list-style:none;padding:0}
.handoff-request{border:1px solid #d9dee3;border-radius:8px;padding:12px;margin:8px 0;display:grid;gap:4px}
.handoff-request__waiting{color:#b54708;font-weight:600}
#messenger-stand-in{position:fixed;right:16px;bottom:16px;width:340px;max-height:70vh;overflow:auto;background:#fff;border:1px solid #c9d1d9;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.15);padding:12px}
#messenger-stand-in ol{padding-left:18px}
.part--team{color:#0b5cad}`;
