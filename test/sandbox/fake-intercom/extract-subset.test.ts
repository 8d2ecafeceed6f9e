import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { extractSubset } from '../../../scripts/extract-openapi-subset';
import { USED_OPERATIONS } from '../../../src/sandbox/fake-intercom/used-operations';

const ROOT = join(__dirname, '../../..');
const SUBSET_PATH = join(ROOT, 'src/sandbox/fake-intercom/openapi-subset.json');
const SHARED_SPEC = join(ROOT, '../shared/intercom/openapi-2.16.yaml');
const subset = JSON.parse(readFileSync(SUBSET_PATH, 'utf8'));

/** Every `$ref` string anywhere in a value. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refs(child, found);
    }
  }
  return found;
}

describe('the OpenAPI subset', () => {
  it('extracts the used operations and only the schemas they reach, without descriptions or examples', () => {
    const spec = {
      openapi: '3.0.1',
      info: { title: 'Intercom API', version: '2.16', license: { name: 'MIT' }, description: 'long text' },
      servers: [{ url: 'https://api.intercom.io' }],
      security: [{ bearerAuth: [] }],
      paths: {} as Record<string, Record<string, unknown>>,
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
        schemas: {
          a: { type: 'object', description: 'x', example: { b: 1 }, properties: { description: { $ref: '#/components/schemas/b' } } },
          b: { type: 'string', nullable: true },
          unused: { type: 'string' },
        },
      },
    };
    const operation = {
      description: 'doc',
      responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/a' } } } } },
    };
    for (const { method, path } of USED_OPERATIONS) spec.paths[path] = { ...spec.paths[path], [method]: operation };
    spec.paths['/not/used'] = {
      get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/unused' } } } } } },
    };
    const out = extractSubset(spec as never);
    expect(Object.keys(out['paths'] as object)).toHaveLength(new Set(USED_OPERATIONS.map((used) => used.path)).size);
    expect(out['paths']).not.toHaveProperty(['/not/used']);
    expect((out['components'] as { schemas: unknown }).schemas).toEqual({
      a: { type: 'object', properties: { description: { $ref: '#/components/schemas/b' } } },
      b: { type: 'string', nullable: true },
    });
    expect(JSON.stringify(out['paths'])).not.toContain('"description"');
  });

  it('is committed with every used operation and no dangling reference, next to its MIT notice', () => {
    for (const { method, path } of USED_OPERATIONS) expect(subset.paths[path]?.[method]).toBeDefined();
    for (const ref of new Set(refs(subset))) {
      const [, section, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) ?? [];
      expect(subset.components[section!]?.[name!]).toBeDefined();
    }
    const notice = readFileSync(join(ROOT, 'src/sandbox/fake-intercom/NOTICE'), 'utf8');
    expect(notice).toContain('Copyright (c) 2022 Intercom, Inc.');
    expect(notice).toContain('8889625a7b931d8649e18726e7f872ff073520fc');
  });

  // The shared spec lives outside the repository; a fresh clone checks the committed file alone (above).
  (existsSync(SHARED_SPEC) ? it : it.skip)('matches a fresh extraction from ../shared/intercom/openapi-2.16.yaml', () => {
    const spec = parse(readFileSync(SHARED_SPEC, 'utf8'), { maxAliasCount: -1 });
    expect(JSON.parse(JSON.stringify(extractSubset(spec)))).toEqual(subset);
  });
});
