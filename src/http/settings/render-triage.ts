/**
 * The "Triage suggestions" section: read-only figures from the workspace's triage feedback. How often agents kept
 * the suggested queue (overall and per suggested queue) and priority, how often "keep in chat" was escalated
 * anyway, and the corrections they make most. The same rows teach the suggestions (src/services/triage).
 */
import { outcomeLabel, type QueueLabels } from '../../domain/recommendation';
import type { FeedbackStats, Rate } from '../../domain/triage-learning';
import { html, type SafeHtml } from './html';

export interface TriageSectionModel {
  stats: FeedbackStats;
  /** How many of the newest escalations the figures cover. */
  window: number;
  labels: QueueLabels;
}

function percent({ accepted, total }: Rate): string {
  return total === 0 ? '–' : `${Math.round((accepted / total) * 100)} %`;
}

function share(rate: Rate, what: string): string {
  return `${rate.accepted} of ${rate.total} ${what} (${percent(rate)})`;
}

export function renderTriageSection({ stats, window, labels }: TriageSectionModel): SafeHtml {
  const heading = html`<h2 id="heading-triage">Triage suggestions</h2>`;
  if (stats.queue.total === 0) {
    return html`<section id="section-triage" aria-labelledby="heading-triage">${heading}
<p>No escalations yet. Once agents escalate from the sidebar, this shows how often they keep the suggested queue and priority.</p>
</section>`;
  }
  const rows = stats.bySuggestion.map(
    ({ outcome, rate }) => html`<tr><th scope="row">${outcomeLabel(outcome, labels)}</th><td>${String(rate.total)}</td><td>${String(rate.accepted)}</td><td>${percent(rate)}</td></tr>`,
  );
  const corrections = stats.corrections.map(
    (c) => html`<li>${outcomeLabel(c.from, labels)} → ${labels(c.to)} ×${String(c.count)}</li>`,
  );
  return html`<section id="section-triage" aria-labelledby="heading-triage">${heading}
<p id="triage-acceptance">Agents kept the suggested queue in ${share(stats.queue, 'escalations')}${
    stats.priority.total > 0 ? html`, and the suggested priority in ${share(stats.priority, 'escalations')}` : ''
  }.</p>
<table class="matrix" aria-label="Acceptance per suggested queue"><thead><tr><th scope="col">Suggested</th><th scope="col">Escalations</th><th scope="col">Kept</th><th scope="col">Rate</th></tr></thead>
<tbody>${rows}</tbody></table>
<h3>Most common corrections</h3>
${corrections.length > 0 ? html`<ul id="triage-corrections">${corrections}</ul>` : html`<p>None: every suggested queue was kept.</p>`}
<p class="muted">“Keep in chat” was escalated anyway ${String(stats.keepInChatOverridden)} ${stats.keepInChatOverridden === 1 ? 'time' : 'times'}. Figures cover the latest ${window.toLocaleString('en-US')} escalations. The suggestions learn from these corrections, for this workspace only.</p>
</section>`;
}
