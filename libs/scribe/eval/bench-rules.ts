import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRANSCRIPT_MAX_LENGTH } from '../src/extraction/limits.js';
import { extractByRules } from '../src/rules/rules-extractor.js';
import { loadVisits } from './score.js';

// How long the rules engine takes: each evaluation visit, and a transcript at the 100,000-character
// limit built from them. Figures are printed, never asserted: speed is measured, not tested.

const here = path.dirname(fileURLToPath(import.meta.url));
const visits = loadVisits(path.join(here, 'visits'));
const print = (line: string) => process.stdout.write(`${line}\n`);

function time(run: () => unknown, repeat: number): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeat; i += 1) run();
  return (performance.now() - start) / repeat;
}

const perVisit = visits.map((visit) => time(() => extractByRules(visit.transcript), 20));
const average = perVisit.reduce((sum, value) => sum + value, 0) / perVisit.length;
print(`${visits.length} visits, ${Math.round(visits.reduce((sum, visit) => sum + visit.transcript.length, 0) / visits.length)} characters on average: ${average.toFixed(2)} ms each (slowest ${Math.max(...perVisit).toFixed(2)} ms)`);

let long = '';
for (let i = 0; long.length + (visits[i % visits.length]?.transcript.length ?? 0) + 1 <= TRANSCRIPT_MAX_LENGTH; i += 1) long += `${visits[i % visits.length]?.transcript}\n`;
const longTime = time(() => extractByRules(long), 3);
print(`one transcript of ${long.length} characters: ${longTime.toFixed(0)} ms (${((long.length / longTime) * 1000 / 1e6).toFixed(2)} M characters/s)`);

const endless = 'this is fever and no cough you have pain in my knee '.repeat(1_900);
const endlessTime = time(() => extractByRules(endless), 1);
print(`one sentence of ${endless.length} characters with no punctuation: ${endlessTime.toFixed(0)} ms`);
