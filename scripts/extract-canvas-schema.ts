/**
 * Extracts the Canvas Kit response schemas from Intercom's OpenAPI description into a small fixture, so tests
 * validate canvases without reading ../shared (a clone may not have it).
 *
 *   npx tsx scripts/extract-canvas-schema.ts [path/to/canvas-kit-schemas-2.11.yaml]
 *
 * Writes test/fixtures/canvas-kit/schema.json (the response schemas and everything they $ref, each schema
 * object unchanged) and NOTICE.md (provenance and Intercom's MIT notice, which must travel with the copy).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOTS = ['initialize_response', 'submit_response'] as const;
const REF_PREFIX = '#/components/schemas/';
const SOURCE_URL =
  'https://github.com/intercom/Intercom-OpenAPI/blob/8889625a7b931d8649e18726e7f872ff073520fc/descriptions/2.11/api.intercom.io.yaml';

const projectRoot = path.resolve(__dirname, '..');
const sourcePath = path.resolve(process.argv[2] ?? path.join(projectRoot, '..', 'shared', 'intercom', 'canvas-kit-schemas-2.11.yaml'));
const outDir = path.join(projectRoot, 'test', 'fixtures', 'canvas-kit');

type Schemas = Record<string, unknown>;

function refsIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        if (!child.startsWith(REF_PREFIX)) throw new Error(`unexpected $ref ${child}`);
        found.add(child.slice(REF_PREFIX.length));
      } else refsIn(child, found);
    }
  }
  return found;
}

/** Every schema reachable from the roots, in the source file's order so the output is stable. */
function closure(all: Schemas): Schemas {
  const wanted = new Set<string>();
  const queue: string[] = [...ROOTS];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (wanted.has(name)) continue;
    if (!(name in all)) throw new Error(`schema ${name} is referenced but missing from the source`);
    wanted.add(name);
    queue.push(...refsIn(all[name], new Set()));
  }
  return Object.fromEntries(Object.entries(all).filter(([name]) => wanted.has(name)));
}

function main(): void {
  const doc = parse(readFileSync(sourcePath, 'utf8')) as { components?: { schemas?: Schemas } };
  const all = doc.components?.schemas;
  if (!all) throw new Error(`${sourcePath} has no components.schemas`);
  const schemas = closure(all);
  const fixture = {
    openapi: '3.0.1',
    info: {
      title: 'Intercom Canvas Kit response schemas (subset)',
      version: '2.11',
      'x-source': SOURCE_URL,
      'x-extracted-by': 'scripts/extract-canvas-schema.ts',
      'x-roots': ROOTS,
      license: { name: 'MIT', note: 'Copyright (c) 2022 Intercom, Inc. See NOTICE.md beside this file.' },
    },
    components: { schemas },
  };
  writeFileSync(path.join(outDir, 'schema.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'NOTICE.md'), notice(Object.keys(schemas)));
  console.log(`wrote ${Object.keys(schemas).length} schemas to ${path.relative(projectRoot, outDir)}/schema.json`);
}

function notice(names: readonly string[]): string {
  return `# Canvas Kit schema fixture: provenance and licence

\`schema.json\` holds ${names.length} schemas from Intercom's OpenAPI description, copied without changes to any
schema object: the two Canvas Kit response types (${ROOTS.map((r) => `\`${r}\``).join(', ')}) and every schema
they reference. Only the surrounding \`info\` block was written here.

- Source: \`descriptions/2.11/api.intercom.io.yaml\` in https://github.com/intercom/Intercom-OpenAPI, commit
  8889625a7b931d8649e18726e7f872ff073520fc (2026-08-21): ${SOURCE_URL}
- Taken via the project's shared copy \`shared/intercom/canvas-kit-schemas-2.11.yaml\`, a verbatim extraction of that
  file's Canvas Kit schemas (2.11 is the only API version whose description has them).
- Regenerate with \`npx tsx scripts/extract-canvas-schema.ts\`.
- Schemas: ${names.map((n) => `\`${n}\``).join(', ')}.

## Licence

The source is published under the MIT licence:

MIT License

Copyright (c) 2022 Intercom, Inc.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
}

main();
