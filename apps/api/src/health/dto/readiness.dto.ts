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

export class ReadinessDto {
  @ApiProperty({ example: 'ok' })
  status!: 'ok';

  @ApiProperty({ example: 'up' })
  database!: 'up';

  @ApiProperty({ type: SchemaVersionDto })
  schema!: SchemaVersionDto;
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
