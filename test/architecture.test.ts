/**
 * Keeps the map true to the ground. docs/ARCHITECTURE.md names files and folders; every one it names must exist, so
 * a rename or a removal that forgets the document fails here. And the test tree mirrors the source tree: each test
 * folder is named after the source folder (or file) it tests, apart from the suites that cut across the layers.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const ARCHITECTURE = join(ROOT, 'docs', 'ARCHITECTURE.md');

/** Names at the top of the repository: a word starting with one of them is read as a path. */
const TOP_LEVEL = new Set(
  readdirSync(ROOT).filter((name) => !['node_modules', '.git', '.tools', '.stryker-tmp', 'reports'].includes(name)),
);

/** Candidate words: `code spans` anywhere, every word of the fenced (diagram) blocks, and link targets (relative to `folder`). */
function candidateWords(markdown: string, folder = 'docs'): string[] {
  const words: string[] = [];
  const fenced = /```[^\n]*\n([\s\S]*?)```/g;
  for (const block of markdown.matchAll(fenced)) words.push(...(block[1] ?? '').split(/\s+/));
  const prose = markdown.replace(fenced, '');
  for (const span of prose.matchAll(/`([^`\n]+)`/g)) words.push(span[1] ?? '');
  for (const link of prose.matchAll(/\]\(([^)\s#]+)\)/g)) {
    if (!/^[a-z]+:/.test(link[1] ?? ''))
      words.push(
        normalize(join(folder, link[1] ?? ''))
          .split('\\')
          .join('/'),
      );
  }
  return words;
}

/** A word naming a file or folder of this repository (from its root), trimmed of the punctuation around it. */
function asRepoPath(word: string): string | null {
  const trimmed = word.replace(/^[([{"'“]+/, '').replace(/[)\]}"'”,;:.]+$/, '');
  if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/?$/.test(trimmed)) return null;
  const first = trimmed.split('/')[0] ?? '';
  if (!TOP_LEVEL.has(first)) return null;
  return trimmed.includes('/') || /\.[a-z]+$/.test(trimmed) ? trimmed : null;
}

describe('docs/ARCHITECTURE.md', () => {
  const named = [...new Set(candidateWords(readFileSync(ARCHITECTURE, 'utf8')).flatMap((w) => asRepoPath(w) ?? []))];

  it('names the code it describes (a document naming nothing would pass the next check)', () => {
    expect(named.filter((p) => p.startsWith('src/')).length).toBeGreaterThan(40);
  });

  it('names only files and folders that exist', () => {
    const missing = named.filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('reads a path as a path, and prose as prose', () => {
    expect(asRepoPath('(src/wiring.ts),')).toBe('src/wiring.ts');
    expect(asRepoPath('src/flows/')).toBe('src/flows/');
    expect(asRepoPath('README.md')).toBe('README.md');
    expect(asRepoPath('application/json')).toBeNull();
    expect(asRepoPath('/intercom/initialize')).toBeNull();
    expect(asRepoPath('src/store/repos/*.ts')).toBeNull();
    expect(candidateWords('see `src/a.ts` and\n```\nsrc/b.ts ──▶ src/c/\n```\n[x](../src/d/README.md) [y](https://e.test/)')).toEqual(
      expect.arrayContaining(['src/a.ts', 'src/b.ts', 'src/c/', 'src/d/README.md']),
    );
  });
});

/** Suites organised by concern rather than by module, each testing the whole app from outside. */
const CROSS_CUTTING = new Set(['support', 'fixtures', 'browser', 'reliability', 'isolation']);

function testFolders(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) return [];
    if (prefix === '' && CROSS_CUTTING.has(name)) return [];
    const rel = prefix ? `${prefix}/${name}` : name;
    return [rel, ...testFolders(path, rel)];
  });
}

it('test folders mirror the source folders', () => {
  // test/<x> tests src/<x> (a folder, or a file whose tests fill a folder), or a top-level folder such as canvases/.
  const mirrors = (rel: string) => [join('src', rel), `${join('src', rel)}.ts`, rel].some((candidate) => existsSync(join(ROOT, candidate)));
  const orphans = testFolders(join(ROOT, 'test')).filter((rel) => !mirrors(rel));
  expect(orphans).toEqual([]);
});
