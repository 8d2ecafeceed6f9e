/**
 * fast-check arbitraries for signed request bodies: random JSON, bytes that are not JSON at all, and mutations
 * of real payloads (a field deleted, given the wrong type, a huge string, deep nesting, hostile text; every
 * text field at once made hostile; prototype keys). A case is a plan of choices, applied to a deep copy of one
 * of the real payloads, so fast-check can shrink a failure to a short, readable plan.
 */
import fc from 'fast-check';
import { HOSTILE_TEXT, hugeString, protoPollution, WRONG_TYPES } from './hostile';

type Json = unknown;
type Path = readonly (string | number)[];

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'wrong_type'; at: number; value: number }
  | { kind: 'hostile_text'; at: number; text: number }
  | { kind: 'huge_string'; at: number; text: number; length: number }
  | { kind: 'deep'; at: number; depth: number; shape: 'array' | 'object' }
  | { kind: 'random_json'; at: number; value: Json }
  | { kind: 'proto'; at: number };

export type FuzzCase =
  | { kind: 'random_json'; value: Json }
  | { kind: 'not_json'; bytes: Uint8Array }
  | { kind: 'truncated'; base: number; keep: number }
  | { kind: 'mutated'; base: number; mutations: Mutation[] }
  | { kind: 'all_text_hostile'; base: number; text: number; includeIds: boolean };

/** Where in the tree a mutation lands, as a fraction; unbiased, or fast-check's edge bias would pick the root. */
const at = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const textIndex = fc.nat({ max: HOSTILE_TEXT.length - 1 });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wrong_type' as const), at, value: fc.nat({ max: WRONG_TYPES.length - 1 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('hostile_text' as const), at, text: textIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('huge_string' as const),
      at,
      text: textIndex,
      // Up to ~700 KB of JSON once escaped: under the 1 MB body limit, so the app must handle it, not refuse it.
      // (Bodies over the limit are limits.test.ts's business.)
      length: fc.integer({ min: 5_000, max: 120_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      at,
      depth: fc.integer({ min: 20, max: 5_000 }),
      shape: fc.constantFrom('array' as const, 'object' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('random_json' as const), at, value: fc.jsonValue({ maxDepth: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('proto' as const), at }) },
);

export function fuzzCaseArb(baseCount: number): fc.Arbitrary<FuzzCase> {
  const base = fc.nat({ max: baseCount - 1 });
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('random_json' as const), value: fc.jsonValue({ maxDepth: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('not_json' as const), bytes: fc.uint8Array({ maxLength: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncated' as const), base, keep: at }) },
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('mutated' as const),
        base,
        mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('all_text_hostile' as const), base, text: textIndex, includeIds: fc.boolean() }),
    },
  );
}

/**
 * The exact bytes a case sends. `fresh` may adjust the copy of the base before it is mutated (the webhook
 * fuzzer gives each case its own notification id, or every case after the first would be a mere duplicate).
 */
export function renderCase(fuzzCase: FuzzCase, bases: readonly Json[], fresh: (copy: Json) => Json = (copy) => copy): Buffer {
  switch (fuzzCase.kind) {
    case 'random_json':
      return Buffer.from(JSON.stringify(fuzzCase.value) ?? 'null');
    case 'not_json':
      return Buffer.from(fuzzCase.bytes);
    case 'truncated': {
      const text = JSON.stringify(fresh(structuredClone(bases[fuzzCase.base])));
      return Buffer.from(text.slice(0, Math.floor(text.length * fuzzCase.keep)));
    }
    case 'mutated': {
      let value = fresh(structuredClone(bases[fuzzCase.base]));
      // The first mutation sees the base's own shape, so its paths are listed once per base, not once per case.
      fuzzCase.mutations.forEach((mutation, i) => {
        value = mutate(value, mutation, i === 0 ? basePaths(bases[fuzzCase.base]) : paths(value));
      });
      // Deep values are spliced in as text: JSON.stringify itself recurses and overflows on them.
      const text = JSON.stringify(value) ?? 'null';
      const deep = fuzzCase.mutations.some((mutation) => mutation.kind === 'deep');
      return Buffer.from(deep ? text.replace(DEEP_MARKER, (_m, depth: string, shape: string) => nestedJson(Number(depth), shape)) : text);
    }
    case 'all_text_hostile':
      return Buffer.from(
        JSON.stringify(replaceText(fresh(structuredClone(bases[fuzzCase.base])), HOSTILE_TEXT[fuzzCase.text]!, fuzzCase.includeIds)),
      );
  }
}

/** Every path in the tree, parents before children (the root is `[]`). */
export function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [index, child] of value.entries()) paths(child, [...prefix, index], out);
  } else if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value as Record<string, Json>)) paths(child, [...prefix, key], out);
  return out;
}

function replacement(mutation: Exclude<Mutation, { kind: 'delete' }>): Json {
  switch (mutation.kind) {
    case 'wrong_type':
      return structuredClone(WRONG_TYPES[mutation.value]);
    case 'hostile_text':
      return HOSTILE_TEXT[mutation.text];
    case 'huge_string':
      return hugeString(HOSTILE_TEXT[mutation.text]!, mutation.length);
    case 'deep':
      return `${DEEP_PREFIX}${mutation.depth}:${mutation.shape}`;
    case 'random_json':
      return structuredClone(mutation.value);
    case 'proto':
      return protoPollution();
  }
}

const pathCache = new WeakMap<object, Path[]>();

function basePaths(base: Json): Path[] {
  if (base === null || typeof base !== 'object') return paths(base);
  let cached = pathCache.get(base);
  if (!cached) {
    cached = paths(base);
    pathCache.set(base, cached);
  }
  return cached;
}

function mutate(root: Json, mutation: Mutation, all: Path[]): Json {
  const path = all[Math.floor(mutation.at * all.length)]!;
  if (path.length === 0) return mutation.kind === 'delete' ? undefined : replacement(mutation);
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], root) as
    | Record<string, Json>
    | Json[];
  const key = path[path.length - 1]!;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key as string];
  } else {
    (parent as Record<string | number, Json>)[key] = replacement(mutation);
  }
  return root;
}

const DEEP_PREFIX = '\u0000deep:';
const DEEP_MARKER = /"\\u0000deep:(\d+):(array|object)"/g;

function nestedJson(depth: number, shape: string): string {
  return shape === 'array' ? `${'['.repeat(depth)}"leaf"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`;
}

const ID_KEY = /(^|_)(id|ids|type|code)$/;

/** Every string leaf replaced by `text`; ids and type tags too when `includeIds`, else they stay valid. */
function replaceText(value: Json, text: string, includeIds: boolean, key = ''): Json {
  if (typeof value === 'string') return includeIds || !ID_KEY.test(key) ? text : value;
  if (Array.isArray(value)) return value.map((child) => replaceText(child, text, includeIds, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, Json>).map(([k, child]) => [k, replaceText(child, text, includeIds, k)]),
    );
  return value;
}
