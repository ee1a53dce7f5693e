// Fills the development database at DATABASE_URL with synthetic patients for benchmarks
// (docs/performance.md): the development seed, then N patients with a visit history for some.
//   node --import tsx libs/db/prisma/seed-scale.ts [--patients 1000000]
// Also `nx run db:seed:scale --patients=1000000`. Refuses anything but a development database or
// an empty, migrated one.
import { parseArgs } from 'node:util';
import { SeedRefused } from '../src/seed/index.js';
import { seedScale } from '../src/seed/scale/index.js';

function refuse(message: string): never {
  console.error(`seed refused: ${message}`);
  process.exit(1);
}

function requestedPatients(): number {
  try {
    const { values } = parseArgs({ options: { patients: { type: 'string', default: '1000000' } } });
    const patients = Number(values.patients.replaceAll('_', ''));
    if (!Number.isSafeInteger(patients)) refuse(`--patients must be a whole number, not "${values.patients}"`);
    return patients;
  } catch (error) {
    if (error instanceof TypeError) refuse(error.message);
    throw error;
  }
}

const patients = requestedPatients();
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) refuse('DATABASE_URL is not set: point it at the development database to fill');

try {
  const summary = await seedScale(databaseUrl, { patients, log: (line) => console.log(line) });
  console.log(
    `Scale seed done in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.existing + summary.added} scale patients ` +
      `(${summary.added} added); the long history is patient ${summary.longHistoryPatientId}`,
  );
} catch (error) {
  if (error instanceof SeedRefused) refuse(error.message);
  throw error;
}
