import { Prisma } from '@clinic/db';

/** The PostgreSQL SQLSTATE behind a Prisma error that the driver adapter passed through. */
export function sqlStateOf(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined)?.cause;
  return typeof cause?.originalCode === 'string' ? cause.originalCode : undefined;
}

/** exclusion_violation: here, always appointments_provider_no_overlap. */
export const EXCLUSION_VIOLATION = '23P01';
