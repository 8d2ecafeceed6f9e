/**
 * Cuts Intercom's 2.16 OpenAPI description (1.3 MB) down to the operations Handoff calls, plus every component
 * they reference (transitively), and writes it to src/sandbox/fake-intercom/openapi-subset.json. The fake Intercom
 * validates every request it receives against that file, so a fresh clone's tests run without ../shared.
 *
 *   npx tsx scripts/extract-openapi-subset.ts [path/to/openapi-2.16.yaml]
 *
 * Descriptions and examples are dropped: the examples contradict their own schemas in places
 * (docs/reference intercom-rest.md §3.4) and the fake follows the schema, so they would only mislead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { USED_OPERATIONS } from '../src/sandbox/fake-intercom/used-operations';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ROOT = resolve(__dirname, '..');
const DEFAULT_SOURCE = resolve(ROOT, '../shared/intercom/openapi-2.16.yaml');
const TARGET = join(ROOT, 'src/sandbox/fake-intercom/openapi-subset.json');
const SOURCE_COMMIT = '8889625a7b931d8649e18726e7f872ff073520fc';
const DROPPED_KEYS = new Set(['description', 'example', 'examples', 'summary', 'externalDocs']);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies a value without documentation-only keys; `properties` maps keep every key, since those are field names. */
function strip(value: Json, inPropertiesMap = false): Json {
  if (Array.isArray(value)) return value.map((item) => strip(item));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!inPropertiesMap && (DROPPED_KEYS.has(key) || key.startsWith('x-'))) continue;
    out[key] = strip(child, !inPropertiesMap && key === 'properties');
  }
  return out;
}

/** Every local `$ref` target inside a value, as [section, name] pairs of `#/components/<section>/<name>`. */
function collectRefs(value: Json, found: Array<[string, string]>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, found);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(child);
      if (!match) throw new Error(`Unsupported $ref ${child}`);
      found.push([match[1]!, match[2]!]);
    } else {
      collectRefs(child, found);
    }
  }
}

export function extractSubset(spec: JsonObject): JsonObject {
  const specPaths = spec['paths'] as JsonObject;
  const specComponents = spec['components'] as JsonObject;
  const paths: JsonObject = {};
  for (const { method, path } of USED_OPERATIONS) {
    const operation = (specPaths[path] as JsonObject | undefined)?.[method];
    if (!isObject(operation)) throw new Error(`The spec has no ${method.toUpperCase()} ${path}`);
    paths[path] = { ...(paths[path] as JsonObject | undefined), [method]: strip(operation) };
  }

  // Walk references breadth-first until no new component turns up.
  const components: Record<string, JsonObject> = {};
  const queue: Array<[string, string]> = [];
  collectRefs(paths, queue);
  while (queue.length > 0) {
    const [section, name] = queue.shift()!;
    components[section] ??= {};
    const bucket = components[section];
    if (name in bucket) continue;
    const source = (specComponents[section] as JsonObject | undefined)?.[name];
    if (source === undefined) throw new Error(`Dangling $ref #/components/${section}/${name}`);
    bucket[name] = strip(source);
    collectRefs(bucket[name]!, queue);
  }
  components['securitySchemes'] = specComponents['securitySchemes'] as JsonObject;

  const info = spec['info'] as JsonObject;
  return {
    openapi: spec['openapi'] as string,
    info: { title: info['title'] as string, version: info['version'] as string, license: info['license'] as JsonObject },
    'x-subset-of': {
      repository: 'https://github.com/intercom/Intercom-OpenAPI',
      path: 'descriptions/2.16/api.intercom.io.yaml',
      commit: SOURCE_COMMIT,
      generator: 'scripts/extract-openapi-subset.ts',
    },
    servers: spec['servers'] as Json,
    security: spec['security'] as Json,
    paths,
    components: sortKeys(components),
  };
}

function sortKeys(record: Record<string, JsonObject>): JsonObject {
  const out: JsonObject = {};
  for (const section of Object.keys(record).sort()) {
    const bucket = record[section]!;
    out[section] = Object.fromEntries(
      Object.keys(bucket)
        .sort()
        .map((name) => [name, bucket[name]!]),
    );
  }
  return out;
}

function main(): void {
  const source = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_SOURCE;
  const spec = parse(readFileSync(source, 'utf8'), { maxAliasCount: -1 }) as JsonObject;
  const subset = extractSubset(spec);
  writeFileSync(TARGET, JSON.stringify(subset, null, 1) + '\n');
  const schemaCount = Object.keys((subset['components'] as JsonObject)['schemas'] as JsonObject).length;
  console.log(`Wrote ${TARGET}: ${USED_OPERATIONS.length} operations, ${schemaCount} schemas`);
}

if (require.main === module) main();
