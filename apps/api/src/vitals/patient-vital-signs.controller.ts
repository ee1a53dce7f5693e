import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { ApiAbsent, ApiInvalidInput, ApiSignedIn } from '../common/api-docs.js';
import { PageQueryDto } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { VitalSignsPageDto } from './dto/vital-signs-page.dto.js';
import { VitalSignsService } from './vital-signs.service.js';

@ApiTags('vital signs')
@ApiSignedIn()
@Controller('patients/:patientId/vitals')
export class PatientVitalSignsController {
  constructor(private readonly vitalSigns: VitalSignsService) {}

  @Get()
  @Access('GET /api/v1/patients/{patientId}/vitals')
  @ApiOperation({ summary: "A patient's vital signs over time, for trends", description: 'Every set across their appointments, newest first (recordedAt, then id).' })
  @ApiOkResponse({ type: VitalSignsPageDto })
  @ApiInvalidInput('patientId is not a UUID, or invalid limit or cursor')
  @ApiAbsent('No such patient')
  listPatientVitalSigns(@UuidParam('patientId') patientId: string, @Query() page: PageQueryDto): Promise<VitalSignsPageDto> {
    return this.vitalSigns.listPatientVitalSigns(patientId, page);
  }
}
