import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { RETRY_AFTER_HEADER } from '../common/api-docs.js';
import { Access } from '../identity/access.decorator.js';
import { LivenessDto, ReadinessDto, ReadinessRefusedDto } from './dto/readiness.dto.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @Access('GET /health/live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Access('GET /health/ready')
  @ApiOperation({ summary: 'The database answers and holds the migrations this build carries' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready: the schema version is the newest migration applied' })
  @ApiServiceUnavailableResponse({
    type: ReadinessRefusedDto,
    headers: RETRY_AFTER_HEADER,
    description:
      'Not ready. code database_unavailable: the database does not answer; schema_not_ready: migrations pending, failed, edited since applied, or unknown to this build (listed in schema); schema_unreadable: the migration history could not be read',
  })
  ready(): Promise<ReadinessDto> {
    return this.health.checkReadiness();
  }
}
