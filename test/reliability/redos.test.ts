/**
 * ReDoS, the class: every regular expression in `src/` and `canvases/` goes through the `recheck` checker, and any
 * pattern it proves super-linear (a customer's text could then block the event loop for every workspace) fails
 * the test with its file and line. Literals are found by the TypeScript parser; a pattern built at run time is
 * listed by the module that builds it (`builtPatterns`), and a new builder the table below does not know fails too.
 */
import { join } from 'node:path';
import { check, type Diagnostics } from 'recheck';
import { defaultSettings } from '../../src/domain/settings';
import { builtPatterns as frustrationPatterns } from '../../src/domain/signals/frustration';
import { keywordPattern } from '../../src/domain/signals/keywords';
import { builtPatterns as htmlPatterns } from '../../src/domain/text/html';
import { builtPatterns as specPathPatterns } from '../../src/sandbox/fake-intercom/spec-validator';
import { findRegexSites, type StaticPattern } from '../support/reliability/regex-sites';

const ROOT = join(__dirname, '..', '..');

/** Keywords are workspace settings: the defaults, plus phrases and scripts an admin may type. */
function keywordPatterns(): RegExp[] {
  const settings = defaultSettings();
  const keywords = [
    ...settings.signals.keywords,
    'data  loss (again)?',
    'c++ $ ^ [x] {2} \\ |',
    '返金',
    'kündigung sofort',
  ];
  return keywords.map((keyword) => keywordPattern(keyword)).filter((pattern) => pattern !== null);
}

/** Each module that calls `new RegExp(…)` with computed arguments, and the patterns it can build. */
const BUILDERS: Record<string, () => RegExp[]> = {
  'src/domain/signals/frustration.ts': frustrationPatterns,
  'src/domain/signals/keywords.ts': keywordPatterns,
  'src/domain/text/html.ts': htmlPatterns,
  'src/sandbox/fake-intercom/spec-validator.ts': specPathPatterns,
};

/**
 * Patterns the checker may leave `unknown` (it gave up, or does not support a construct), each with the reason it
 * is still safe. Empty: every pattern in the app is currently decided.
 */
const UNKNOWN_ALLOWED: ReadonlyMap<string, string> = new Map();

/** Per pattern. The checker usually answers in well under a second; a loaded 2-core machine needs the margin. */
const CHECK_TIMEOUT_MS = 60_000;
const PARALLEL_CHECKS = 3;
/**
 * A fixed seed, and step limits instead of the checker's wall-clock limits on each attack: under load a safe
 * pattern's attack ran past the 1 s default and was reported vulnerable. Verdicts must not depend on the machine.
 */
const CHECK_PARAMS = {
  timeout: CHECK_TIMEOUT_MS,
  randomSeed: 20261207,
  attackTimeout: null,
  incubationTimeout: null,
  recallTimeout: null,
  seedingTimeout: null,
} as const;

async function checkAll(patterns: readonly StaticPattern[]): Promise<Map<string, Diagnostics>> {
  const keys = [...new Set(patterns.map((p) => `/${p.source}/${p.flags}`))];
  const results = new Map<string, Diagnostics>();
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++]!;
      const end = key.lastIndexOf('/');
      results.set(key, await check(key.slice(1, end), key.slice(end + 1), CHECK_PARAMS));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CHECKS }, worker));
  return results;
}

describe('ReDoS: every regular expression in src/ and canvases/', () => {
  const sites = findRegexSites(ROOT, ['src', 'canvases']);

  it('knows who builds each computed RegExp', () => {
    const unlisted = sites.dynamic.filter((site) => !(site.slice(0, site.lastIndexOf(':')) in BUILDERS));
    expect(unlisted).toEqual([]);
    for (const [file, build] of Object.entries(BUILDERS)) {
      expect(sites.dynamic.some((site) => site.startsWith(`${file}:`))).toBe(true);
      expect(build().length).toBeGreaterThan(0);
    }
  });

  it('finds no pattern with super-linear backtracking', async () => {
    const built = Object.entries(BUILDERS).flatMap(([file, build]) =>
      build().map((pattern) => ({ site: `${file} (built)`, source: pattern.source, flags: pattern.flags })),
    );
    const patterns = [...sites.patterns, ...built];
    // A parser that silently found nothing would pass this test; the app has well over a hundred patterns.
    expect(sites.patterns.length).toBeGreaterThan(100);
    const results = await checkAll(patterns);
    const problems = patterns.flatMap(({ site, source, flags }) => {
      const key = `/${source}/${flags}`;
      const result = results.get(key)!;
      if (result.status === 'safe') return [];
      if (result.status === 'unknown' && UNKNOWN_ALLOWED.has(key)) return [];
      const detail = result.status === 'vulnerable' ? result.complexity.summary : `unknown (${result.error.kind})`;
      return [`${site} ${key}: ${detail}`];
    });
    expect(problems).toEqual([]);
  }, 600_000);
});
