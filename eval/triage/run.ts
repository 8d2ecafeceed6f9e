/**
 * `npm run eval:triage [-- --split dev|holdout] [--writer a,b] [--exclude-writer d] [--show-errors]`
 *
 * Runs the local triage engine over labelled chats and prints queue accuracy (five outcomes), priority exact and
 * within one level, ticket-decision precision/recall, per language / writer / hard-case kind, and the confusion
 * matrix. The holdout split prints aggregates only: no case ids, no errors, so nobody tunes on it.
 */
import { triage } from '../../src/domain/triage';
import { type LabelledCase, loadCases } from './cases';
import { canonicalKinds } from './kinds';
import { confusion, OUTCOMES, pct, type Scored, type Summary, summarise } from './metrics';

interface Options {
  split: 'dev' | 'holdout';
  writers: string[] | null;
  excluded: string[];
  showErrors: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { split: 'dev', writers: null, excluded: [], showErrors: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (!next) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--split') {
      const split = value();
      if (split !== 'dev' && split !== 'holdout') throw new Error('--split is dev or holdout');
      options.split = split;
    } else if (arg === '--writer') options.writers = value().split(',').filter(Boolean);
    else if (arg === '--exclude-writer') options.excluded = value().split(',').filter(Boolean);
    else if (arg === '--show-errors') options.showErrors = true;
    else throw new Error(`unknown flag ${arg}`);
  }
  if (options.split === 'holdout' && options.showErrors) throw new Error('--show-errors is dev only: holdout prints aggregates');
  return options;
}

type Row = Scored & { case: LabelledCase };

function line(label: string, s: Summary): string {
  const precision = pct(s.ticketTP, s.ticketTP + s.ticketFP);
  const recall = pct(s.ticketTP, s.ticketTP + s.ticketFN);
  return `${label.padEnd(26)} n=${String(s.cases).padStart(3)}  queue ${pct(s.queueCorrect, s.cases)}  prio exact ${pct(s.priorityExact, s.priorityPairs)}  ±1 ${pct(s.priorityWithinOne, s.priorityPairs)}  ticket P ${precision} R ${recall}`;
}

function groupBy(rows: readonly Row[], keys: (row: Row) => string[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) for (const key of keys(row)) groups.set(key, [...(groups.get(key) ?? []), row]);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function printMatrix(rows: readonly Row[]): void {
  const short = ['stay', 'bill', 'tech', 'risk', 'vip'];
  console.log(`\nConfusion (rows gold, columns predicted)\n${''.padEnd(16)}${short.map((s) => s.padStart(6)).join('')}`);
  confusion(rows).forEach((counts, i) => {
    console.log(`${OUTCOMES[i]!.padEnd(16)}${counts.map((n) => String(n).padStart(6)).join('')}`);
  });
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const cases = loadCases(options.split).filter(
    (c) => (options.writers === null || options.writers.includes(c.writer)) && !options.excluded.includes(c.writer),
  );
  const rows: Row[] = cases.map((c) => {
    const result = triage({ messages: c.messages, tier: c.tier, renewalInDays: c.renewal_in_days });
    return { case: c, gold: c.gold, predicted: { outcome: result.outcome, priority: result.priority } };
  });
  console.log(`Triage eval — split ${options.split}, ${rows.length} cases`);
  console.log('Priority is scored over cases whose gold and prediction are both tickets; the others count in queue accuracy only.\n');
  console.log(line('ALL', summarise(rows)));
  for (const [title, keyOf] of [
    ['language', (r: Row) => [r.case.language]],
    ['writer', (r: Row) => [r.case.writer]],
    ['kind', (r: Row) => canonicalKinds(r.case.kinds)],
    ['gold outcome', (r: Row) => [r.gold.outcome]],
  ] as const) {
    console.log(`\nBy ${title}`);
    for (const [key, group] of groupBy(rows, keyOf)) console.log(line(`  ${key}`, summarise(group)));
  }
  printMatrix(rows);
  if (options.showErrors && options.split === 'dev') printErrors(rows);
}

function printErrors(rows: readonly Row[]): void {
  console.log('\nErrors (queue wrong, or priority off by more than one)');
  const level = (p: string | null) => (p ? Number(p.slice(1)) : 0);
  for (const row of rows) {
    const queueWrong = row.gold.outcome !== row.predicted.outcome;
    const prioFar =
      !queueWrong && row.gold.priority && row.predicted.priority && Math.abs(level(row.gold.priority) - level(row.predicted.priority)) > 0;
    if (!queueWrong && !prioFar) continue;
    const result = triage({ messages: row.case.messages, tier: row.case.tier, renewalInDays: row.case.renewal_in_days });
    console.log(
      `${row.case.id} [${row.case.tier}, renew ${row.case.renewal_in_days}] gold ${row.gold.outcome}/${row.gold.priority} got ${row.predicted.outcome}/${row.predicted.priority}  signals: ${result.signals.join(' ')}`,
    );
  }
}

main();
