/**
 * Local triage engine (issue 16): one recommendation for a 500-part conversation whose customer parts are 100 KB
 * of hostile HTML, and for a typical 8-part chat. Pure CPU, no store or Intercom: `triage` is timed warm, one call
 * per sample; the budget is 5 ms for the 500-part case (the sidebar's share). Runs alone with
 * `npx tsx bench/scenarios/triage.ts`.
 */
import { type TriageMessage, triage } from '../../src/domain/triage';
import { atMost, type Row, row } from '../report/rows';
import { percentile } from '../stats';

const HOSTILE_CUSTOMER = (n: number) =>
  `<p>Order #${n} was <b>charged twice</b>, see <a href="https://x.test/${n}">receipt</a>. ` +
  `${'(((((a*)*)*)*)$ refund?? <i>nicht</i> '.repeat(2_600)}</p>`;
const AGENT = ['I can see both charges, checking with billing.', 'Could you send the invoice number?', 'Thanks, escalating now.'];

function longConversation(parts: number): TriageMessage[] {
  return Array.from({ length: parts }, (_, i) =>
    i % 2 === 0 ? { author: 'customer', text: HOSTILE_CUSTOMER(1000 + i) } : { author: 'teammate', text: AGENT[i % AGENT.length]! },
  );
}

const TYPICAL: TriageMessage[] = [
  { author: 'customer', text: 'Hi! Since your release last night every webhook fails signature verification.' },
  { author: 'teammate', text: 'Hi, sorry about that. Which library version do you use?' },
  { author: 'customer', text: 'Official node lib v4.2. Our order system rejects all events, so nothing ships.' },
  { author: 'teammate', text: 'Thanks. Could you send one request id?' },
  { author: 'customer', text: 'req_8fa21c. This is the third time this month, honestly.' },
  { author: 'teammate', text: 'I can reproduce it on a test account; it looks like a bug on our side.' },
  { author: 'customer', text: 'Please hurry, our renewal is in three weeks and my CFO is asking.' },
  { author: 'teammate', text: 'Escalating to engineering now.' },
];

function measure(messages: readonly TriageMessage[], iterations: number): number[] {
  const input = { messages, tier: 'pro' as const, renewalInDays: 21 };
  for (let i = 0; i < Math.min(200, iterations); i++) triage(input);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    triage(input);
    samples.push(performance.now() - started);
  }
  return samples;
}

export function triageRows(iterations: number): Row[] {
  const long = longConversation(500);
  const bytes = long.reduce((sum, m) => sum + Buffer.byteLength(m.text), 0);
  const longSamples = measure(long, iterations);
  const typicalSamples = measure(TYPICAL, iterations);
  const detail = (samples: number[]) => `p99 ${percentile(samples, 99).toFixed(2)} ms over ${samples.length} warm calls`;
  return [
    row(
      'triage.p50_500',
      'Triage engine, 500 parts of 100 KB (p50)',
      percentile(longSamples, 50),
      'ms',
      atMost(5),
      `${detail(longSamples)}; ${(bytes / 1e6).toFixed(1)} MB of hostile HTML in, capped per message and in total`,
      { parts: 500, bytes, iterations, p99Ms: percentile(longSamples, 99), maxMs: Math.max(...longSamples) },
    ),
    row(
      'triage.p50_8',
      'Triage engine, typical 8-part chat (p50)',
      percentile(typicalSamples, 50),
      'ms',
      atMost(5),
      detail(typicalSamples),
      {
        parts: TYPICAL.length,
        iterations,
        p99Ms: percentile(typicalSamples, 99),
      },
    ),
  ];
}

if (require.main === module) {
  for (const r of triageRows(Number(process.argv[2] ?? 300))) console.log(`${r.label}: ${r.figure?.toFixed(3)} ms — ${r.detail}`);
}
