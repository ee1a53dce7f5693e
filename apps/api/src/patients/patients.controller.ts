import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { ApiAbsent, ApiIdempotencyKey, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '../common/api-docs.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { IdempotentReplayHeader } from '../common/idempotency/idempotent-creations.js';
import { Idempotent, type IdempotentRequest } from '../common/idempotency/idempotent-request.decorator.js';
import { CreatePatientDto } from './dto/create-patient.dto.js';
import { PatientPageDto } from './dto/patient-page.dto.js';
import { PatientDto } from './dto/patient.dto.js';
import { SearchPatientsQueryDto } from './dto/search-patients-query.dto.js';
import { UpdatePatientDto } from './dto/update-patient.dto.js';
import { EtagHeader } from '../common/etag-header.interceptor.js';
import { PatientsService } from './patients.service.js';
import { UuidParam } from '../common/uuid-param.js';

@ApiTags('patients')
@ApiSignedIn()
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @Access('GET /api/v1/patients')
  @ApiOperation({ summary: 'Find patients by name, date of birth, phone or email', description: 'Ordered by last name, first name, id. Archived patients are left out unless includeArchived=true.' })
  @ApiOkResponse({ type: PatientPageDto })
  @ApiInvalidInput('Invalid filter (q shorter than 2 characters, malformed date, phone without digits …), limit or cursor')
  searchPatients(@Query() query: SearchPatientsQueryDto): Promise<PatientPageDto> {
    return this.patients.searchPatients(query);
  }

  @Post()
  @Access('POST /api/v1/patients')
  @UseInterceptors(EtagHeader, IdempotentReplayHeader)
  @ApiOperation({ summary: 'Register a patient' })
  @ApiCreatedResponse({ type: PatientDto, headers: { ...ETAG_HEADER, ...IDEMPOTENT_REPLAYED_HEADER } })
  @ApiInvalidInput('Invalid input, or a malformed Idempotency-Key')
  @ApiIdempotencyKey()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The Idempotency-Key was used in the last 24 hours with another body' })
  registerPatient(@Body() registration: CreatePatientDto, @Idempotent() idempotent?: IdempotentRequest): Promise<PatientDto> {
    return this.patients.registerPatient(registration, idempotent);
  }

  @Get(':id')
  @Access('GET /api/v1/patients/{id}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: "A patient's demographics, archived or not" })
  @ApiOkResponse({ type: PatientDto, headers: ETAG_HEADER })
  @ApiInvalidInput('id is not a UUID')
  @ApiAbsent('No such patient')
  getPatient(@UuidParam('id') id: string): Promise<PatientDto> {
    return this.patients.getPatient(id);
  }

  @Patch(':id')
  @Access('PATCH /api/v1/patients/{id}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: "Change a patient's demographics", description: 'Fields left out stay as they are; null clears an optional field.' })
  @ApiOkResponse({ type: PatientDto, headers: ETAG_HEADER })
  @ApiInvalidInput()
  @ApiAbsent('No such patient')
  @ApiIfMatch()
  updatePatient(@UuidParam('id') id: string, @Body() update: UpdatePatientDto, @Headers('if-match') ifMatch?: string): Promise<PatientDto> {
    return this.patients.updatePatient(id, update, ifMatch);
  }

  @Delete(':id')
  @Access('DELETE /api/v1/patients/{id}')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Archive a patient',
    description: 'The chart stays whole and readable; the patient leaves search unless includeArchived=true. Archiving an archived patient succeeds again and keeps the first archivedAt. No route erases a chart.',
  })
  @ApiNoContentResponse({ description: 'Archived (or already archived)' })
  @ApiInvalidInput('id is not a UUID')
  @ApiAbsent('No such patient')
  archivePatient(@UuidParam('id') id: string): Promise<void> {
    return this.patients.archivePatient(id);
  }
}
