export * from './generated/prisma/client.js';
export { DbModule } from './db.module.js';
export { createPrismaClient, DB_OPTIONS, type DbOptions, PrismaService } from './prisma.service.js';
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded/embedded-postgres.js';
export { deployMigrations, type PrismaCliResult, runPrismaCli } from './prisma-cli.js';
export { workspaceRoot } from './workspace.js';
