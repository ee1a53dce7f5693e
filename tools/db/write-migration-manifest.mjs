#!/usr/bin/env node
// The last step of `nx run db:build`: records the migrations this build carries (names and
// checksums of libs/db/prisma/migrations) in libs/db/dist/migrations/manifest.json, which the
// built code reads to know its own schema (/health/ready, db:migrate-status --json).
import { sourceMigrationsDir, writeMigrationManifest } from '@clinic/db/migrations';

const count = await writeMigrationManifest();
console.log(`migration manifest: ${count} migration(s) from ${sourceMigrationsDir()}`);
