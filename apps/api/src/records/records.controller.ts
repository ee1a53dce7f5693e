import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Put, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { CurrentProvider } from '../identity/current-provider.decorator.js';
import { Access } from '../identity/access.decorator.js';
import { ApiAbsent, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER } from '../common/api-docs.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { EtagHeader } from '../common/etag-header.interceptor.js';
import { UuidParam } from '../common/uuid-param.js';
import { AmendmentDto } from './dto/amendment.dto.js';
import { CreateAmendmentDto } from './dto/create-amendment.dto.js';
import { MedicalRecordDto } from './dto/medical-record.dto.js';
import { WriteRecordDto } from './dto/write-record.dto.js';
import { RecordsService } from './records.service.js';

@ApiTags('medical records')
@ApiSignedIn()
@Controller('appointments/:appointmentId/record')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Access('GET /api/v1/appointments/{appointmentId}/record')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: "The visit's medical record, with its amendments" })
  @ApiOkResponse({ type: MedicalRecordDto, headers: ETAG_HEADER })
  @ApiInvalidInput('appointmentId is not a UUID')
  @ApiAbsent('No such appointment, or no record for it yet')
  getRecord(@UuidParam('appointmentId') appointmentId: string): Promise<MedicalRecordDto> {
    return this.records.getRecord(appointmentId);
  }

  @Put()
  @Access('PUT /api/v1/appointments/{appointmentId}/record')
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: 'Write the draft record of a visit',
    description: 'Creates the draft, or replaces its whole text (fields left out become null). isDraft, signedAt, isAIGenerated, transcript and audioFileUrl are not writable here (400).',
  })
  @ApiOkResponse({ type: MedicalRecordDto, headers: ETAG_HEADER })
  @ApiInvalidInput()
  @ApiAbsent('No such appointment')
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The record is signed, or the appointment was cancelled or missed' })
  @ApiIfMatch()
  writeDraft(
    @UuidParam('appointmentId') appointmentId: string,
    @Body() body: WriteRecordDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MedicalRecordDto> {
    return this.records.writeDraft(appointmentId, body, ifMatch);
  }

  @Post('sign')
  @Access('POST /api/v1/appointments/{appointmentId}/record/sign')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Sign the record', description: 'From then on neither the record nor its symptoms and prescriptions change; corrections are amendments.' })
  @ApiOkResponse({ type: MedicalRecordDto, headers: ETAG_HEADER })
  @ApiInvalidInput('appointmentId is not a UUID')
  @ApiAbsent('No such appointment, or no record for it yet')
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The record is already signed' })
  @ApiIfMatch()
  signRecord(
    @UuidParam('appointmentId') appointmentId: string,
    @CurrentProvider() signer: AuthenticatedProvider,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MedicalRecordDto> {
    return this.records.signRecord(appointmentId, signer, ifMatch);
  }

  @Post('amendments')
  @Access('POST /api/v1/appointments/{appointmentId}/record/amendments')
  @ApiOperation({ summary: 'Amend a signed record', description: 'The signed record stays as it was; the amendment is kept beside it and never changes.' })
  @ApiCreatedResponse({ type: AmendmentDto })
  @ApiInvalidInput()
  @ApiAbsent('No such appointment, or no record for it yet')
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The record is still a draft: edit it instead' })
  amendRecord(
    @UuidParam('appointmentId') appointmentId: string,
    @CurrentProvider() author: AuthenticatedProvider,
    @Body() amendment: CreateAmendmentDto,
  ): Promise<AmendmentDto> {
    return this.records.amendRecord(appointmentId, author, amendment);
  }
}
