import { Body, Controller, Get, Headers, Put, Res, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../identity/access.decorator.js';
import { ApiAbsent, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER } from '../common/api-docs.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { EtagHeader } from '../common/etag-header.interceptor.js';
import { UuidParam } from '../common/uuid-param.js';
import { RecordVitalSignsDto } from './dto/record-vital-signs.dto.js';
import { VitalSignsDto } from './dto/vital-signs.dto.js';
import { VitalSignsService } from './vital-signs.service.js';

@ApiTags('vital signs')
@ApiSignedIn()
@Controller('appointments/:id/vitals')
export class VitalSignsController {
  constructor(private readonly vitalSigns: VitalSignsService) {}

  @Get()
  @Access('GET /api/v1/appointments/{id}/vitals')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: "The appointment's vital signs" })
  @ApiOkResponse({ type: VitalSignsDto, headers: ETAG_HEADER })
  @ApiInvalidInput('id is not a UUID')
  @ApiAbsent('No such appointment, or no vital signs recorded for it yet')
  getVitalSigns(@UuidParam('id') appointmentId: string): Promise<VitalSignsDto> {
    return this.vitalSigns.getVitalSigns(appointmentId);
  }

  @Put()
  @Access('PUT /api/v1/appointments/{id}/vitals')
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: "Record the appointment's vital signs, or replace them",
    description:
      'One set per appointment: the first PUT creates it (201), later ones replace it whole (200). Every value is checked against the physiological range its field documents; bmi is computed by the server from weight (kg) and height (cm) and refused in the body.',
  })
  @ApiCreatedResponse({ type: VitalSignsDto, headers: ETAG_HEADER, description: 'Recorded: the appointment had none' })
  @ApiOkResponse({ type: VitalSignsDto, headers: ETAG_HEADER, description: 'Replaced the previous set' })
  @ApiInvalidInput('A value outside its range or of the wrong type, an unknown field (bmi included), diastolic not below systolic, half a blood pressure, or no measurement at all')
  @ApiAbsent('No such appointment')
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The appointment was cancelled or a no-show' })
  @ApiIfMatch()
  async recordVitalSigns(
    @UuidParam('id') appointmentId: string,
    @Body() body: RecordVitalSignsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('if-match') ifMatch?: string,
  ): Promise<VitalSignsDto> {
    const { vitals, created } = await this.vitalSigns.recordVitalSigns(appointmentId, body, ifMatch);
    void reply.status(created ? 201 : 200);
    return vitals;
  }
}
