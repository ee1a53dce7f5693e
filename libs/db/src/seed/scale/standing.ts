import { type DatabaseStanding, readDatabaseStanding } from '../../environment/index.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { SeedRefused } from '../errors.js';
import { isDatabaseEmpty } from '../seed-database.js';

/**
 * Whether a database may take the scale seed's synthetic patients: a development database, or a
 * migrated one that holds no provider and no patient yet (the development seed, which runs first,
 * then marks it development). Nothing else, and no confirmation makes an exception: a million
 * made-up patients have no place beside a clinic's real ones, nor in staging.
 */
export async function assertTakesScaleData(databaseUrl: string, prisma: PrismaClient): Promise<DatabaseStanding> {
  const standing = await readDatabaseStanding(databaseUrl);
  const where = `database "${standing.database}" on ${standing.server}`;
  if (!standing.holdsTables) {
    throw new SeedRefused('unmigrated-database', `${where} has no tables: apply the migrations first (nx run db:migrate)`);
  }
  if (standing.environment === 'development') return standing;
  if (standing.environment !== null) {
    throw new SeedRefused('marked-for-another-environment', `${where} is marked ${standing.environment}: scale data goes only into a development database`);
  }
  if (!(await isDatabaseEmpty(prisma))) {
    throw new SeedRefused(
      'unmarked-database',
      `${where} holds providers or patients but no environment mark: scale data goes only into a development database or an empty one`,
    );
  }
  return standing;
}
