import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DbModule } from '@clinic/db';
import { AppointmentsModule } from './appointments/appointments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ChartModule } from './chart/chart.module.js';
import { DatabaseAvailabilityModule } from './common/database-availability.js';
import { DomainErrorFilter } from './common/domain-error.filter.js';
import { IdempotencyModule } from './common/idempotency/idempotency.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { FhirModule } from './fhir/fhir.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { PatientsModule } from './patients/patients.module.js';
import { ProvidersModule } from './providers/providers.module.js';
import { RecordsModule } from './records/records.module.js';
import { ScribeModule } from './scribe/scribe.module.js';
import { VitalSignsModule } from './vitals/vital-signs.module.js';

/** The configuration, with the database the API serves from settled (see bootstrap/database.ts). */
export type ServingConfig = AppConfig & {
  databaseUrl: string;
  /** Only for the embedded PostgreSQL, which ignores the login: the role each connection takes. */
  assumeDatabaseRole?: string;
};

/** The application, for a configuration whose database is already known (see main.ts). */
@Module({})
export class AppModule {
  static forRoot(config: ServingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LifecycleModule,
        DbModule.forRoot({
          databaseUrl: config.databaseUrl,
          poolSize: config.databasePoolSize,
          poolMinIdle: config.databasePoolMinIdle,
          assumeRole: config.assumeDatabaseRole,
          connectTimeoutMs: config.databaseConnectTimeoutMs,
          idleTimeoutMs: config.databaseIdleTimeoutMs,
          statementTimeoutMs: config.databaseStatementTimeoutMs,
          replicaUrls: config.databaseReplicaUrls,
          replicaMaxLagSeconds: config.replicaMaxLagSeconds,
          applicationName: 'clinic-api',
        }),
        DatabaseAvailabilityModule,
        IdempotencyModule,
        IdentityModule,
        AuditModule,
        AuthModule,
        HealthModule,
        ProvidersModule,
        PatientsModule,
        AppointmentsModule,
        VitalSignsModule,
        RecordsModule,
        ScribeModule,
        ChartModule,
        FhirModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
