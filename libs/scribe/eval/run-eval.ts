import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractByRules } from '../src/rules/rules-extractor.js';
import { loadVisits, scoreVisit, total } from './score.js';

// `nx run scribe:eval`: precision, recall and F1 of the rules engine on the evaluation set.
// `--misses` lists, per visit, what it missed and what it added.

const here = path.dirname(fileURLToPath(import.meta.url));
const showMisses = process.argv.includes('--misses');
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
// A command's report is its output: written to stdout, not logged.
const print = (line: string) => process.stdout.write(`${line}\n`);

/** The sets, in the order they were written: see the README for how each was used. */
const SETS = process.env.SCRIBE_EVAL_DIR ? [process.env.SCRIBE_EVAL_DIR] : ['visits', 'held-out', 'held-out-2', 'held-out-3'];

for (const set of SETS) {
  const directory = path.resolve(here, set);
  const scores = loadVisits(directory).map((visit) => scoreVisit(visit, extractByRules(visit.transcript)));
  if (showMisses) {
    for (const { visit, symptoms, prescriptions } of scores) {
      const lines = [
        ...symptoms.missed.map((key) => `  symptom missed:       ${key}`),
        ...symptoms.extra.map((key) => `  symptom extra:        ${key}`),
        ...prescriptions.missed.map((key) => `  prescription missed:  ${key}`),
        ...prescriptions.extra.map((key) => `  prescription extra:   ${key}`),
      ];
      if (lines.length > 0) print(`${visit.file} (${visit.speciality}: ${visit.title})\n${lines.join('\n')}`);
    }
  }
  print(`rules engine on ${scores.length} synthetic visits (eval/${set})`);
  print('               precision  recall     F1     (TP / FP / FN)');
  for (const [label, tallies] of [
    ['symptoms', scores.map((score) => score.symptoms)],
    ['prescriptions', scores.map((score) => score.prescriptions)],
  ] as const) {
    const result = total(tallies);
    print(
      `${label.padEnd(14)} ${percent(result.precision).padStart(9)} ${percent(result.recall).padStart(7)} ${percent(result.f1).padStart(7)}     (${result.truePositives} / ${result.falsePositives} / ${result.falseNegatives})`,
    );
  }
  print('');
}
