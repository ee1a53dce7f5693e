import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/dto/error-response.dto.js';

export class LivenessDto {
  @ApiProperty({ example: 'ok' })
  status!: 'ok';
}

export class SchemaVersionDto {
  @ApiProperty({ type: String, nullable: true, description: 'The newest migration applied to the database', example: '20261201055726_create_database_environment' })
  version!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The newest migration this build of the API carries', example: '20261201055726_create_database_environment' })
  codeVersion!: string | null;

  @ApiProperty({
    type: [String],
    description: "Migrations applied to the database that are newer than this build: the next release's, deployed while this one still serves (safe under the expand/contract rule)",
    example: [],
  })
  ahead!: string[];
}

export class ReplicaStateDto {
  @ApiProperty({ description: "The replica's host, port and database (never its credentials)", example: 'replica-1:5432/clinic' })
  name!: string;

  @ApiProperty({
    enum: ['ok', 'lagging', 'unreachable', 'not-a-replica', 'unchecked'],
    description:
      'ok: answers read-only work; lagging: further behind than REPLICA_MAX_LAG_SECONDS; unreachable: does not answer; not-a-replica: not in recovery (a promoted or wrongly configured server). Only ok replicas are read from; the others\' reads go to the primary',
    example: 'ok',
  })
  status!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Seconds behind the primary at the last check (0: replayed everything it received)', example: 0 })
  lagSeconds!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was last checked (about once a second)', example: '2026-12-01T09:00:00.000Z' })
  checkedAt!: string | null;
}

export class ReadinessDto {
  @ApiProperty({ example: 'ok' })
  status!: 'ok';

  @ApiProperty({ example: 'up' })
  database!: 'up';

  @ApiProperty({ type: SchemaVersionDto })
  schema!: SchemaVersionDto;

  @ApiProperty({
    type: [ReplicaStateDto],
    description: 'The read replicas (DATABASE_REPLICA_URLS), each as last checked; empty without any. A replica that is down or lagging does not make the API unready: the primary answers its reads',
  })
  replicas!: ReplicaStateDto[];
}

export class SchemaStateDto extends SchemaVersionDto {
  @ApiProperty({ type: [String], description: 'In this build, not applied to the database: deploy them (nx run db:migrate)', example: ['20261201055726_create_database_environment'] })
  pending!: string[];

  @ApiProperty({ type: [String], description: "Applied to the database, not in this build, and older than its newest migration: another branch's history", example: [] })
  unknown!: string[];

  @ApiProperty({ type: [String], description: 'Started and never finished: recover before anything else deploys (docs/migrations.md)', example: [] })
  failed!: string[];

  @ApiProperty({ type: [String], description: "Applied, but this build's migration.sql is not the file that ran", example: [] })
  checksumMismatches!: string[];
}

/** 503 from /health/ready: the error body, and the schema state when that is the reason. */
export class ReadinessRefusedDto extends ErrorResponseDto {
  @ApiPropertyOptional({ type: SchemaStateDto, description: 'Present with code schema_not_ready' })
  schema?: SchemaStateDto;
}
