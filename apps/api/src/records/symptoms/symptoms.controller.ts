import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { ApiAbsent, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER } from '../../common/api-docs.js';
import { ErrorResponseDto } from '../../common/dto/error-response.dto.js';
import { EtagHeader } from '../../common/etag-header.interceptor.js';
import { PageQueryDto } from '../../common/pagination.js';
import { UuidParam } from '../../common/uuid-param.js';
import { SymptomDto, SymptomPageDto } from './dto/symptom.dto.js';
import { CreateSymptomDto, UpdateSymptomDto } from './dto/write-symptom.dto.js';
import { SymptomsService } from './symptoms.service.js';

const SIGNED = () => ApiConflictResponse({ type: ErrorResponseDto, description: 'The record is signed: its symptoms no longer change' });
const SIGNED_OR_KEPT = () =>
  ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The record is signed (its symptoms no longer change), or the symptom was rejected in review (kept unchanged), or it awaits review (reject it instead of removing it)',
  });
const SIGNED_OR_DECIDED = () =>
  ApiConflictResponse({ type: ErrorResponseDto, description: 'The record is signed, or the symptom is not awaiting review (already accepted or rejected, or typed by a person)' });

@ApiTags('symptoms')
@ApiSignedIn()
@Controller('records/:recordId/symptoms')
export class SymptomsController {
  constructor(private readonly symptoms: SymptomsService) {}

  @Get()
  @Access('GET /api/v1/records/{recordId}/symptoms')
  @ApiOperation({ summary: "A record's symptoms, in the order they were recorded" })
  @ApiOkResponse({ type: SymptomPageDto })
  @ApiInvalidInput('recordId is not a UUID, or invalid limit or cursor')
  @ApiAbsent('No such record')
  listSymptoms(@UuidParam('recordId') recordId: string, @Query() page: PageQueryDto): Promise<SymptomPageDto> {
    return this.symptoms.listSymptoms(recordId, page);
  }

  @Post()
  @Access('POST /api/v1/records/{recordId}/symptoms')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Add a symptom to a draft record' })
  @ApiCreatedResponse({ type: SymptomDto, headers: ETAG_HEADER })
  @ApiInvalidInput('Invalid input (severity outside 1-10, missing symptomName, unknown field …)')
  @ApiAbsent('No such record')
  @SIGNED()
  recordSymptom(@UuidParam('recordId') recordId: string, @Body() symptom: CreateSymptomDto): Promise<SymptomDto> {
    return this.symptoms.recordSymptom(recordId, symptom);
  }

  @Patch(':symptomId')
  @Access('PATCH /api/v1/records/{recordId}/symptoms/{symptomId}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Correct a symptom of a draft record', description: 'Fields left out stay as they are; null clears an optional field.' })
  @ApiOkResponse({ type: SymptomDto, headers: ETAG_HEADER })
  @ApiInvalidInput()
  @ApiAbsent('No such record, or no such symptom on it')
  @SIGNED_OR_KEPT()
  @ApiIfMatch()
  correctSymptom(
    @UuidParam('recordId') recordId: string,
    @UuidParam('symptomId') symptomId: string,
    @Body() update: UpdateSymptomDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<SymptomDto> {
    return this.symptoms.correctSymptom(recordId, symptomId, update, ifMatch);
  }

  @Delete(':symptomId')
  @Access('DELETE /api/v1/records/{recordId}/symptoms/{symptomId}')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a symptom from a draft record' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiInvalidInput('recordId or symptomId is not a UUID')
  @ApiAbsent('No such record, or no such symptom on it')
  @SIGNED_OR_KEPT()
  removeSymptom(@UuidParam('recordId') recordId: string, @UuidParam('symptomId') symptomId: string): Promise<void> {
    return this.symptoms.removeSymptom(recordId, symptomId);
  }

  @Post(':symptomId/accept')
  @Access('POST /api/v1/records/{recordId}/symptoms/{symptomId}/accept')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: 'Accept an AI-extracted symptom into the chart',
    description: 'Only a symptom awaiting review (reviewStatus pending) on a draft record; it becomes accepted. Correct it first (PATCH) if it needs it.',
  })
  @ApiOkResponse({ type: SymptomDto, headers: ETAG_HEADER })
  @ApiInvalidInput('recordId or symptomId is not a UUID')
  @ApiAbsent('No such record, or no such symptom on it')
  @SIGNED_OR_DECIDED()
  acceptSymptom(@UuidParam('recordId') recordId: string, @UuidParam('symptomId') symptomId: string): Promise<SymptomDto> {
    return this.symptoms.acceptSymptom(recordId, symptomId);
  }

  @Post(':symptomId/reject')
  @Access('POST /api/v1/records/{recordId}/symptoms/{symptomId}/reject')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: 'Reject an AI-extracted symptom',
    description: 'Only a symptom awaiting review on a draft record. It is kept for the audit (reviewStatus rejected), and no longer shown in the record\'s list, the chart or FHIR.',
  })
  @ApiOkResponse({ type: SymptomDto, headers: ETAG_HEADER })
  @ApiInvalidInput('recordId or symptomId is not a UUID')
  @ApiAbsent('No such record, or no such symptom on it')
  @SIGNED_OR_DECIDED()
  rejectSymptom(@UuidParam('recordId') recordId: string, @UuidParam('symptomId') symptomId: string): Promise<SymptomDto> {
    return this.symptoms.rejectSymptom(recordId, symptomId);
  }
}
