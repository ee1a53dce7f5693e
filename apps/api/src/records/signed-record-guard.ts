import { RecordSigned } from './records.errors.js';

// The database refuses any change to a signed record, its symptoms and prescriptions
// (triggers of migration 20261125232100_add_medical_record_signing) with SQLSTATE 23000. The
// services check first and answer 409 themselves; this covers the write that raced a signing
// (checked as a draft, signed before it landed), which would otherwise surface as a 500.

function isSignedRecordRefusal(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } } } | null)?.meta
    ?.driverAdapterError?.cause;
  return cause?.originalCode === '23000' && typeof cause.originalMessage === 'string' && /signed medical record|is signed/.test(cause.originalMessage);
}

/** Runs a write under a record, answering RecordSigned (409) when the database's guard refuses it. */
export async function unlessSigned<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isSignedRecordRefusal(error)) throw new RecordSigned();
    throw error;
  }
}
