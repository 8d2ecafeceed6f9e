/**
 * Queries built once and run many times. kysely builds an immutable tree and compiles it to SQL on every call;
 * for the short statements a webhook applies (a primary-key read, one conditional upsert) that costs more than
 * SQLite spends running them, and makes most of the garbage (bench/README.md, webhook ingest). A reusable query
 * is built with stand-ins for its named arguments and compiled once per dialect; each call only binds the values.
 *
 * Only for queries whose SQL does not depend on the values: no `in` lists, no clause chosen by an argument.
 * Every argument must be defined (kysely leaves an `undefined` insert value out; here it would be bound), and a
 * stand-in the compiled SQL does not bind is a mistake in the builder: both fail loudly.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import type { DialectName } from '../database';
import type { Db } from './repo-helpers';

/** Stands for the argument `name` while the query is compiled. */
class StandIn {
  constructor(readonly name: string) {}
}

interface Template {
  compiled: CompiledQuery;
  names: readonly string[];
  /** For each parameter of the compiled SQL: the argument it takes, or the constant the builder put there. */
  bindings: readonly (StandIn | { constant: unknown })[];
}

type Args = Record<string, unknown>;

export type ReusableQuery<A extends object, R> = (db: Db, dialect: DialectName, args: A) => Promise<R[]>;

/** `build` receives stand-ins typed as the arguments; the names are those of the first call's `args`. */
export function reusableQuery<A extends object, R>(build: (db: Db, args: A) => Compilable<R>): ReusableQuery<A, R> {
  const templates = new Map<DialectName, Template>();
  return async (db, dialect, args) => {
    let template = templates.get(dialect);
    if (!template) {
      template = compileTemplate(db, Object.keys(args), build as (db: Db, args: Args) => Compilable<R>);
      templates.set(dialect, template);
    }
    const parameters = template.bindings.map((binding) =>
      binding instanceof StandIn ? argument(args as Args, binding.name) : binding.constant,
    );
    if (Object.keys(args).length !== template.names.length)
      throw new TypeError(`reusable query called with other arguments: ${template.compiled.sql}`);
    const result = await db.executeQuery<R>({ ...template.compiled, parameters } as CompiledQuery<R>);
    return result.rows;
  };
}

function compileTemplate(db: Db, names: readonly string[], build: (db: Db, args: Args) => Compilable<unknown>): Template {
  const standIns = Object.fromEntries(names.map((name) => [name, new StandIn(name)]));
  const compiled = build(db, standIns).compile();
  const bindings = compiled.parameters.map((value) => (value instanceof StandIn ? value : { constant: value }));
  const used = new Set(bindings.flatMap((binding) => (binding instanceof StandIn ? [binding.name] : [])));
  if (used.size !== names.length) throw new Error(`reusable query binds ${used.size} of its ${names.length} arguments: ${compiled.sql}`);
  return { compiled, names, bindings };
}

function argument(args: Args, name: string): unknown {
  const value = args[name];
  if (value === undefined) throw new TypeError(`reusable query argument ${name} is undefined`);
  return value;
}
