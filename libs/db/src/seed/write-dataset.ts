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
  // Records go in as drafts, then their symptoms and prescriptions, then the signing: the database
  // refuses children under a signed record (migration 20261125232100_add_medical_record_signing).
  // Only the children of records this run inserted are written: a record already there has all of
  // its own (the seed is one transaction), and inserting them again, even to be skipped as
  // duplicates, would reach the signed-record guard first.
  const newRecordIds = new Set<string>();
  inserted.medicalRecords += await insertInBatches(
    'medicalRecords',
    dataset.medicalRecords,
    async (batch) => {
      const data = batch.map((record) => ({ ...record, isDraft: true, signedAt: null, signedById: null }));
      const rows = await tx.medicalRecord.createManyAndReturn({ data, skipDuplicates, select: { id: true } });
      for (const row of rows) newRecordIds.add(row.id);
      return { count: rows.length };
    },
    log,
  );
  inserted.vitalSigns += await insertInBatches('vitalSigns', dataset.vitalSigns, (data) => tx.vitalSigns.createMany({ data, skipDuplicates }), log);
  const ofNewRecord = (child: { medicalRecordId: string }) => newRecordIds.has(child.medicalRecordId);
  inserted.symptoms += await insertInBatches('symptoms', dataset.symptoms.filter(ofNewRecord), (data) => tx.symptom.createMany({ data, skipDuplicates }), log);
  inserted.prescriptions += await insertInBatches(
    'prescriptions',
    dataset.prescriptions.filter(ofNewRecord),
    (data) => tx.prescription.createMany({ data, skipDuplicates }),
    log,
  );
  await signRecords(tx, dataset, newRecordIds);
}

/**
 * Signs the new records the dataset says are no longer drafts: by the visit's provider, at the
 * note's last save. Raw SQL, because Prisma would stamp updatedAt with the seed's own clock.
 */
async function signRecords(tx: Transaction, dataset: ClinicDataset, newRecordIds: Set<string>): Promise<void> {
  const providerOf = new Map(dataset.appointments.map((appointment) => [appointment.id!, appointment.providerId]));
  const signings = dataset.medicalRecords
    .filter((record) => !record.isDraft && newRecordIds.has(record.id!))
    .map((record) => ({ id: record.id!, signedAt: new Date(record.updatedAt!).toISOString(), signedById: providerOf.get(record.appointmentId)! }));
  for (let start = 0; start < signings.length; start += BATCH_SIZE) {
    const batch = JSON.stringify(signings.slice(start, start + BATCH_SIZE));
    await tx.$executeRaw`
      UPDATE "medical_records" AS m
      SET "isDraft" = false, "signedAt" = s."signedAt", "signedById" = s."signedById"
      FROM json_to_recordset(${batch}::json) AS s("id" uuid, "signedAt" timestamp(3), "signedById" uuid)
      WHERE m."id" = s."id"`;
  }
}
