/**
 * Every regular expression in the app's own sources, found by the TypeScript parser rather than by searching the
 * text (a regex that looks for regexes would miss some and trip on division, comments and strings). A literal
 * (`/…/g`) and a `RegExp(…)` whose arguments are string literals are read as written; any other `RegExp(…)` is
 * built at run time, so only its module can say which patterns it makes (see `dynamic` below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface StaticPattern {
  readonly site: string;
  readonly source: string;
  readonly flags: string;
}

export interface RegexSites {
  readonly patterns: StaticPattern[];
  /** `file:line` of each `RegExp(…)` built from something other than literals. */
  readonly dynamic: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The text of a string literal or a template without substitutions; null for anything computed. */
function literalText(node: ts.Expression | undefined): string | null {
  if (node === undefined) return '';
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

function isRegExpConstructor(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
  if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) return false;
  return ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
}

function scan(file: string, root: string, into: RegexSites): void {
  const text = readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const siteOf = (node: ts.Node) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    return `${relative(root, file)}:${line + 1}`;
  };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sourceFile);
      const end = literal.lastIndexOf('/');
      into.patterns.push({ site: siteOf(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if (isRegExpConstructor(node)) {
      const [sourceArg, flagsArg] = node.arguments ?? [];
      const source = sourceArg === undefined ? null : literalText(sourceArg);
      const flags = literalText(flagsArg);
      if (source !== null && flags !== null) into.patterns.push({ site: siteOf(node), source, flags });
      else into.dynamic.push(siteOf(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
}

/** Scans `dirs` (relative to `root`) recursively. */
export function findRegexSites(root: string, dirs: readonly string[]): RegexSites {
  const sites: RegexSites = { patterns: [], dynamic: [] };
  for (const dir of dirs) for (const file of sourceFiles(join(root, dir))) scan(file, root, sites);
  return sites;
}
