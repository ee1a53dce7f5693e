import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { CurrentProvider } from '../identity/current-provider.decorator.js';
import { Access } from '../identity/access.decorator.js';
import { ApiAbsent, ApiInvalidInput, ApiSignedIn, ETAG_HEADER } from '../common/api-docs.js';
import { EtagHeader } from '../common/etag-header.interceptor.js';
import { UuidParam } from '../common/uuid-param.js';
import { ChartService } from './chart.service.js';
import { ChartDto } from './dto/chart.dto.js';

@ApiTags('chart')
@ApiSignedIn()
@Controller('patients/:patientId/chart')
export class ChartController {
  constructor(private readonly chart: ChartService) {}

  @Get()
  @Access('GET /api/v1/patients/{patientId}/chart')
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: "A patient's chart at a glance",
    description:
      'Demographics, allergies, active chronic conditions, the last 10 appointments with record summaries, the latest vital signs and the prescriptions of the last 90 days. Staff get it without notes (no record text, indications or override reasons).',
  })
  @ApiOkResponse({ type: ChartDto, headers: ETAG_HEADER })
  @ApiInvalidInput('patientId is not a UUID')
  @ApiAbsent('No such patient')
  readChart(@UuidParam('patientId') patientId: string, @CurrentProvider() reader: AuthenticatedProvider): Promise<ChartDto> {
    return this.chart.readChart(patientId, reader);
  }
}
