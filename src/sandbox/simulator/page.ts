/**
 * The simulator page's static shell. Everything dynamic is drawn by the bundled script from the JSON API, with
 * text set as text; this HTML holds no data, so there is nothing in it to escape.
 */
export function simulatorPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Handoff sandbox: Inbox simulator</title>
<link rel="stylesheet" href="/sandbox/assets/simulator.css">
<script src="/sandbox/assets/simulator.js" defer></script>
</head>
<body>
<div class="sandbox-banner" role="status" data-testid="sandbox-banner">
  <strong>SANDBOX</strong> Fake Intercom with demo data. Nothing here reaches a real Intercom workspace or a real customer.
</div>
<header class="topbar">
  <div class="brand">Handoff <span>Inbox simulator</span> <a href="/sandbox/customer" data-testid="customer-view-link">Customer view</a></div>
  <a class="reports-link" href="/reports" target="_blank" rel="noreferrer" data-testid="reports-link" title="90 days of demo history; the sidebar's Reports link signs you in">Reports</a>
  <label class="viewer">Viewing as <select id="viewer" data-testid="viewer"></select></label>
  <section class="clock" aria-label="Sandbox clock" data-testid="clock-panel">
    <span id="clock-now" data-testid="clock-now">…</span>
    <span id="clock-moved" class="muted"></span>
    <button type="button" data-minutes="15">+15 min</button>
    <button type="button" data-minutes="60">+1 h</button>
    <button type="button" data-minutes="240">+4 h</button>
    <button type="button" data-minutes="1440">+1 day</button>
  </section>
</header>
<div class="status-strip" role="status"><span id="clock-result" data-testid="clock-result">Pick a conversation; the sidebar is the app's real canvas.</span></div>
<main class="layout">
  <nav class="inbox" aria-label="Conversations">
    <h2>Inbox</h2>
    <ul id="conversation-list" data-testid="conversation-list"></ul>
  </nav>
  <section class="conversation" aria-label="Conversation">
    <div id="transcript" data-testid="transcript"><p class="muted">Choose a conversation on the left.</p></div>
    <section class="back-office" aria-label="Back-office panel" data-testid="back-office">
      <h2>Back-office view <span class="muted">act as the team that owns a ticket</span></h2>
      <div id="back-office-body"><p class="muted">Tickets linked to this conversation show here.</p></div>
    </section>
  </section>
  <aside class="details" aria-label="Conversation details">
    <h2>Conversation details <span class="muted">app: Handoff</span></h2>
    <div id="canvas-frame" class="canvas-frame" data-testid="canvas-frame"></div>
    <div id="canvas-notice" class="canvas-notice" data-testid="canvas-notice" hidden></div>
    <div id="canvas-report" data-testid="canvas-report"></div>
    <details class="exchange">
      <summary>Last Canvas Kit exchange</summary>
      <div id="exchange-log" data-testid="exchange-log"></div>
      <pre id="exchange-json" data-testid="exchange-json"></pre>
    </details>
    <details class="playground" data-testid="playground">
      <summary>Render any Canvas Kit JSON</summary>
      <p class="muted">Paste a response body (<code>{"canvas": …}</code>) to see it rendered and checked against Intercom's schema and rules.</p>
      <label>Kind <select id="playground-kind"><option value="initialize">initialize (first canvas)</option><option value="submit">submit</option></select></label>
      <textarea id="playground-json" rows="8" spellcheck="false" data-testid="playground-json"></textarea>
      <button type="button" id="playground-render" data-testid="playground-render">Render</button>
    </details>
  </aside>
</main>
</body>
</html>
`;
}
