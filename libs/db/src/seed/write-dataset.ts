import type { Prisma } from '../generated/prisma/client.js';
import type { ClinicDataset, InsertedRows, SeededTable } from './dataset.js';
import { type SeedLog, TABLE_LABELS } from './progress.js';

// Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for the widest table, and
// small enough that progress lines appear as the seed goes.
const BATCH_SIZE = 250;

type Transaction = Prisma.TransactionClient;

/** Inserts in batches; rows whose id (or unique email) already exists are skipped, not updated. */
async function insertInBatches<Row>(
  table: SeededTable,
  rows: Row[],
  insert: (batch: Row[]) => Promise<{ count: number }>,
  log: SeedLog,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    inserted += (await insert(batch)).count;
    log(`${TABLE_LABELS[table]} ${start + batch.length}/${rows.length}`);
  }
  if (rows.length === 0) log(`${TABLE_LABELS[table]} 0/0`);
  return inserted;
}

/** Writes a clinic's patients and visits, parents before children. Providers are written first, elsewhere. */
export async function writeClinicDataset(
  tx: Transaction,
  dataset: ClinicDataset,
  inserted: InsertedRows,
  log: SeedLog,
): Promise<void> {
  const skipDuplicates = true;
  inserted.patients += await insertInBatches('patients', dataset.patients, (data) => tx.patient.createMany({ data, skipDuplicates }), log);
  inserted.allergies += await insertInBatches('allergies', dataset.allergies, (data) => tx.allergy.createMany({ data, skipDuplicates }), log);
  inserted.chronicConditions += await insertInBatches(
    'chronicConditions',
    dataset.chronicConditions,
    (data) => tx.chronicCondition.createMany({ data, skipDuplicates }),
    log,
  );
  inserted.appointments += await insertInBatches(
    'appointments',
    dataset.appointments,
    (data) => tx.appointment.createMany({ data, skipDuplicates }),
    log,
  );
  inserted.medicalRecords += await insertInBatches(
    'medicalRecords',
    dataset.medicalRecords,
    (data) => tx.medicalRecord.createMany({ data, skipDuplicates }),
    log,
  );
  inserted.vitalSigns += await insertInBatches('vitalSigns', dataset.vitalSigns, (data) => tx.vitalSigns.createMany({ data, skipDuplicates }), log);
  inserted.symptoms += await insertInBatches('symptoms', dataset.symptoms, (data) => tx.symptom.createMany({ data, skipDuplicates }), log);
  inserted.prescriptions += await insertInBatches(
    'prescriptions',
    dataset.prescriptions,
    (data) => tx.prescription.createMany({ data, skipDuplicates }),
    log,
  );
}
