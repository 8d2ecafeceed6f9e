// Prints the score of each mutated module from Stryker's JSON reports (reports/mutation/<module>.json), in the
// shape README's Testing section quotes, then every surviving mutant so it can be killed by a test or justified.
import { readFileSync } from 'node:fs';

const modules = process.argv.slice(2);
const rows = [];
const survivors = [];
for (const module of modules) {
  const report = JSON.parse(readFileSync(`reports/mutation/${module}.json`, 'utf8'));
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
  for (const [file, result] of Object.entries(report.files)) {
    for (const mutant of result.mutants) {
      if (mutant.status in count) count[mutant.status] += 1;
      else count.other += 1;
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        const at = `${file}:${mutant.location.start.line}:${mutant.location.start.column}`;
        survivors.push(`${at} ${mutant.status} ${mutant.mutatorName}: ${JSON.stringify(mutant.replacement ?? '')}`);
      }
    }
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`;
  rows.push(
    `| src/domain/${module}${module.includes('/') ? '.ts' : ''} | ${valid} | ${detected} | ${count.Survived} | ${count.NoCoverage} | ${count.Ignored} | ${score} |`,
  );
}
// Ignored: static mutants (code that runs when the module loads) when the run was given --ignoreStatic.
console.log('| Module | Mutants | Detected | Survived | No coverage | Ignored | Score |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
if (survivors.length > 0) console.log(`\nSurvivors:\n${survivors.join('\n')}`);
