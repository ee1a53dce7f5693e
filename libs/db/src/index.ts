export * from './generated/prisma/client.js';
export { DbModule } from './db.module.js';
export { createPool, createPrismaClient, type DbOptions } from './client.js';
export { DB_OPTIONS, PrismaService } from './prisma.service.js';
export { ReadReplicas, type ReplicaOptions, type ReplicaState, type ReplicaStatus, replicaName } from './read-replicas.js';
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded/embedded-postgres.js';
export { deployMigrations, type PrismaCliResult, runPrismaCli } from './prisma-cli.js';
export { APPLICATION_ROLE, type ConnectionPrivileges, connectionPrivileges } from './roles.js';
export { workspaceRoot } from './workspace.js';
