import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { RETRY_AFTER_HEADER } from '../common/api-docs.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { Access } from '../identity/access.decorator.js';
import { LivenessDto, ReadinessDto } from './dto/readiness.dto.js';
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
  @ApiOperation({ summary: 'The database answers' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, headers: RETRY_AFTER_HEADER, description: 'The database does not answer (code database_unavailable)' })
  ready(): Promise<ReadinessDto> {
    return this.health.checkReadiness();
  }
}
