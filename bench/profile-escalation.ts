/**
 * `npx tsx bench/profile-escalation.ts [submits]`: where an escalation submit's own time goes. Builds the app
 * in-process (the tests' harness and fake Intercom, answering at once), opens the form on a fresh 12-part
 * conversation and submits it the way the submit route does (parsed request, the submit flow, the link after the
 * reply), `submits` times. Prints, first without the profiler, the process's CPU per submit up to the answer (what
 * the teammate waits for) and after it (the link and the triage feedback), the Intercom calls per submit and, on
 * PostgreSQL, the statements before `POST /tickets` reached the fake, up to the answer and after it; then the app's
 * CPU per submit under the profiler (the fake's share, which runs in this process, taken out by the profile) and
 * the self time by part of the code. With DATABASE_URL set, on PostgreSQL (statements counted on pg's `query`).
 */
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { INPUT_IDS } from '../canvases/component-ids';
import { submitBody } from '../src/sandbox/canvas-kit-body';
import { openDatabase } from '../src/store';
import { type AfterReply, createAfterReply } from '../src/http/after-reply';
import { silentLogger } from '../src/util/logger';
import { type Harness, startHarness } from '../test/support/app-harness';
import { freshSchema, pgAdmin } from '../test/support/postgres';
import { seedLongConversation } from './scenarios/summary';
import { type ProfileNode, printShares, summarise } from './report/cpu-profile';

/** Self time is attributed to the first of these the frame's script path contains; the rest is "other". */
const PARTS: readonly [string, string][] = [
  ['/src/sandbox', 'fake Intercom (not the app)'],
  ['node_modules/express', 'fake Intercom (not the app)'],
  ['node_modules/ajv', 'fake Intercom (not the app)'],
  ['node_modules/kysely', 'kysely'],
  ['node_modules/pg', 'pg driver'],
  ['node_modules/better-sqlite3', 'better-sqlite3 (JS side)'],
  ['node_modules/axios', 'axios'],
  ['node_modules/zod', 'zod'],
  ['node_modules/pino', 'pino'],
  ['/src/domain/triage', 'triage engine'],
  ['/src/domain/signals', 'signals'],
  ['/src/domain/summary', 'summary'],
  ['/src/domain/text', 'text (HTML, masking)'],
  ['/src/domain', 'other domain'],
  ['/canvases/', 'canvas building'],
  ['/src/store', 'store (our repositories)'],
  ['/src/intercom', 'intercom client'],
  ['/src/services', 'services'],
  ['/src/flows', 'flows'],
];

/** Statements sent to PostgreSQL, in order (SQLite's run in-process and are not counted here). */
const statements: { text: string; at: number }[] = [];
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  statements.push({ text: typeof first === 'string' ? first : String(first?.text ?? ''), at: performance.now() });
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

/** The form opened on a fresh 12-part conversation, and the body of its submit: ready to time. */
async function preparedSubmit(h: Harness): Promise<Record<string, unknown>> {
  const context = { ...h.context, conversationId: seedLongConversation(h.fake, h.demo, 12) };
  const form = await h.submit({ componentId: 'escalate_open' }, context);
  const inputValues = {
    [INPUT_IDS.ticketType]: h.demo.backOffice.ticketTypeId,
    [INPUT_IDS.priority]: 'P2',
    [INPUT_IDS.queue]: 'technical',
    [INPUT_IDS.reason]: 'Exports fail for the whole account; needs engineering.',
  };
  const body = submitBody(h.fake, context, { componentId: 'escalate_submit', inputValues, currentCanvas: form.body });
  return body;
}

/** The submit through the route (signature, parsing, the flow), and the link it leaves for after the reply. */
async function submitOnce(h: Harness, body: Record<string, unknown>): Promise<void> {
  const response = await h.postSigned('/intercom/submit', body);
  if (response.status !== 200 || !JSON.stringify(response.body).includes('created'))
    throw new Error(`submit did not create: ${JSON.stringify(response.body).slice(0, 400)}`);
}

interface Split {
  cpuToAnswer: number;
  cpuAfter: number;
  calls: number;
  statementsBeforeCreate: number;
  statementsToAnswer: number;
  statementsAfter: number;
}

/**
 * The moment the route has written its answer: it hands its after-reply work over right then. (The client's own
 * callback comes later, after that work has run in this process, so it cannot mark the answer.)
 */
let answered: { cpu: NodeJS.CpuUsage; statements: number } | null = null;
function markingAfterReply(): AfterReply {
  const inner = createAfterReply(silentLogger);
  return {
    run(work) {
      answered ??= { cpu: process.cpuUsage(), statements: statements.length };
      inner.run(work);
    },
    settled: () => inner.settled(),
  };
}

/** One submit without the profiler: CPU (µs) and statements up to the answer and after it, and Intercom's calls. */
async function splitOnce(h: Harness, body: Record<string, unknown>): Promise<Split> {
  h.fake.clearLog();
  statements.length = 0;
  answered = null;
  const start = process.cpuUsage();
  await submitOnce(h, body);
  const end = process.cpuUsage();
  const at = answered ?? { cpu: end, statements: statements.length };
  const used = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => to.user + to.system - from.user - from.system;
  const create = h.fake.requests.find((r) => r.method === 'POST' && r.path === '/tickets');
  const createAt = (create?.receivedAt ?? 0) - performance.timeOrigin;
  return {
    cpuToAnswer: used(start, at.cpu),
    cpuAfter: used(at.cpu, end),
    calls: h.fake.requests.length,
    statementsBeforeCreate: statements.filter((st) => st.at < createAt).length,
    statementsToAnswer: at.statements,
    statementsAfter: statements.length - at.statements,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function printSplit(h: Harness, submits: number, postgres: boolean): Promise<void> {
  const splits: Split[] = [];
  for (let i = 0; i < submits; i += 1) splits.push(await splitOnce(h, await preparedSubmit(h)));
  const of = (key: keyof Split) => median(splits.map((s) => s[key]));
  console.log(
    `${submits} submits without the profiler, medians: process CPU ${(of('cpuToAnswer') / 1000).toFixed(2)} ms up to the answer and ` +
      `${(of('cpuAfter') / 1000).toFixed(2)} ms after it (the fake's share included); ${of('calls')} Intercom calls per submit`,
  );
  if (postgres)
    console.log(
      `  statements: ${of('statementsBeforeCreate')} before POST /tickets reached the fake, ${of('statementsToAnswer')} up to the answer, ${of('statementsAfter')} after it`,
    );
}

async function main(): Promise<void> {
  const submits = Number(process.argv[2] ?? 200);
  const url = process.env['DATABASE_URL'];
  const schema = url ? freshSchema('profile') : null;
  if (url && schema) await pgAdmin(`create schema ${schema}`, url);
  const afterReply = markingAfterReply();
  const h = await startHarness(url && schema ? { database: openDatabase({ url, pgSchema: schema }), afterReply } : { afterReply });
  for (let i = 0; i < 20; i += 1) await submitOnce(h, await preparedSubmit(h));
  // One submit's statements, in order, split where POST /tickets reached the fake.
  const one = await preparedSubmit(h);
  h.fake.clearLog();
  statements.length = 0;
  await submitOnce(h, one);
  const create = h.fake.requests.find((r) => r.method === 'POST' && r.path === '/tickets');
  const createAt = (create?.receivedAt ?? 0) - performance.timeOrigin;
  if (url) {
    console.log('One submit, statements before POST /tickets reached the fake:');
    for (const s of statements.filter((s) => s.at < createAt)) console.log(`  ${s.text.slice(0, 150)}`);
    console.log('…and after:');
    for (const s of statements.filter((s) => s.at >= createAt)) console.log(`  ${s.text.slice(0, 150)}`);
  }
  await printSplit(h, submits, url !== undefined);
  // Each submit is profiled on its own (the form before it is not): the self-time samples are summed over them.
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  const nodes: ProfileNode[] = [];
  const samples: number[] = [];
  let cpuMicros = 0;
  let nextId = 0;
  let ms = 0;
  for (let i = 0; i < submits; i += 1) {
    const body = await preparedSubmit(h);
    await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    const started = performance.now();
    await submitOnce(h, body);
    ms += performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    const { profile } = await session.post('Profiler.stop');
    // Node ids are per profile: offset them so the profiles can be summed.
    const offset = nextId;
    for (const node of profile.nodes as ProfileNode[]) {
      nodes.push({ ...node, id: node.id + offset });
      nextId = Math.max(nextId, node.id + offset + 1);
    }
    for (const id of profile.samples ?? []) samples.push(id + offset);
  }
  session.disconnect();
  const { busy, byPart, byFunction } = summarise(nodes, samples, PARTS);
  const cpuMs = cpuMicros / 1000 / submits;
  console.log(
    `${submits} submits in ${ms.toFixed(0)} ms: ${(ms / submits).toFixed(2)} ms and ${cpuMs.toFixed(2)} ms CPU each (the fake's share included)`,
  );
  printShares(byPart, busy, 20);
  console.log('Top functions (self time):');
  printShares(byFunction, busy, 24);
  await h.close();
  if (url && schema) await pgAdmin(`drop schema if exists ${schema} cascade`, url);
}

void main();
