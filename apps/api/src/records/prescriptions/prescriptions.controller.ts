import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { ApiAbsent, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER } from '../../common/api-docs.js';
import { ErrorResponseDto } from '../../common/dto/error-response.dto.js';
import { EtagHeader } from '../../common/etag-header.interceptor.js';
import { PageQueryDto } from '../../common/pagination.js';
import { UuidParam } from '../../common/uuid-param.js';
import { PrescriptionDto, PrescriptionPageDto } from './dto/prescription.dto.js';
import { AcceptPrescriptionDto, CreatePrescriptionDto, UpdatePrescriptionDto } from './dto/write-prescription.dto.js';
import { PrescriptionsService } from './prescriptions.service.js';

const SIGNED_OR_ALLERGIC = () =>
  ApiConflictResponse({
    type: ErrorResponseDto,
    description: "The record is signed (its prescriptions no longer change), or the medication matches one of the patient's allergies and no overrideReason was given",
  });
const SIGNED_OR_ALLERGIC_OR_KEPT = () =>
  ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      "The record is signed (its prescriptions no longer change), the medication matches one of the patient's allergies and no overrideReason was given, or the prescription was rejected in review (kept unchanged)",
  });
const SIGNED_OR_KEPT = () =>
  ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The record is signed (its prescriptions no longer change), or the prescription was rejected in review (kept unchanged), or it awaits review (reject it instead of removing it)',
  });
const SIGNED_OR_DECIDED = () =>
  ApiConflictResponse({ type: ErrorResponseDto, description: 'The record is signed, or the prescription is not awaiting review (already accepted or rejected, or typed by a person)' });

@ApiTags('prescriptions')
@ApiSignedIn()
@Controller('records/:recordId/prescriptions')
export class PrescriptionsController {
  constructor(private readonly prescriptions: PrescriptionsService) {}

  @Get()
  @Access('GET /api/v1/records/{recordId}/prescriptions')
  @ApiOperation({ summary: "A record's prescriptions, in the order they were recorded" })
  @ApiOkResponse({ type: PrescriptionPageDto })
  @ApiInvalidInput('recordId is not a UUID, or invalid limit or cursor')
  @ApiAbsent('No such record')
  listPrescriptions(@UuidParam('recordId') recordId: string, @Query() page: PageQueryDto): Promise<PrescriptionPageDto> {
    return this.prescriptions.listPrescriptions(recordId, page);
  }

  @Post()
  @Access('POST /api/v1/records/{recordId}/prescriptions')
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: 'Prescribe, on a draft record',
    description: "A medication matching one of the patient's recorded allergies (by name, or by drug class) is refused (409) unless overrideReason says why; the reason is kept.",
  })
  @ApiCreatedResponse({ type: PrescriptionDto, headers: ETAG_HEADER })
  @ApiInvalidInput('Invalid input (quantity below 1, negative refills, a required field missing, unknown field …)')
  @ApiAbsent('No such record')
  @SIGNED_OR_ALLERGIC()
  prescribe(@UuidParam('recordId') recordId: string, @Body() prescription: CreatePrescriptionDto): Promise<PrescriptionDto> {
    return this.prescriptions.prescribe(recordId, prescription);
  }

  @Patch(':prescriptionId')
  @Access('PATCH /api/v1/records/{recordId}/prescriptions/{prescriptionId}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Correct a prescription of a draft record', description: 'Fields left out stay as they are; null clears an optional field.' })
  @ApiOkResponse({ type: PrescriptionDto, headers: ETAG_HEADER })
  @ApiInvalidInput()
  @ApiAbsent('No such record, or no such prescription on it')
  @SIGNED_OR_ALLERGIC_OR_KEPT()
  @ApiIfMatch()
  correctPrescription(
    @UuidParam('recordId') recordId: string,
    @UuidParam('prescriptionId') prescriptionId: string,
    @Body() update: UpdatePrescriptionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PrescriptionDto> {
    return this.prescriptions.correctPrescription(recordId, prescriptionId, update, ifMatch);
  }

  @Delete(':prescriptionId')
  @Access('DELETE /api/v1/records/{recordId}/prescriptions/{prescriptionId}')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a prescription from a draft record' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiInvalidInput('recordId or prescriptionId is not a UUID')
  @ApiAbsent('No such record, or no such prescription on it')
  @SIGNED_OR_KEPT()
  removePrescription(@UuidParam('recordId') recordId: string, @UuidParam('prescriptionId') prescriptionId: string): Promise<void> {
    return this.prescriptions.removePrescription(recordId, prescriptionId);
  }

  @Post(':prescriptionId/accept')
  @Access('POST /api/v1/records/{recordId}/prescriptions/{prescriptionId}/accept')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: 'Accept an AI-extracted prescription into the chart',
    description:
      "Only a prescription awaiting review (reviewStatus pending) on a draft record; it becomes accepted. The allergy check of prescribing runs first: a medication matching one of the patient's recorded allergies is refused (409) unless overrideReason says why; the reason is kept. The body is optional.",
  })
  @ApiBody({ type: AcceptPrescriptionDto, required: false })
  @ApiOkResponse({ type: PrescriptionDto, headers: ETAG_HEADER })
  @ApiInvalidInput('recordId or prescriptionId is not a UUID, or an invalid body (unknown field, overrideReason not a string …)')
  @ApiAbsent('No such record, or no such prescription on it')
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      "The record is signed; the prescription is not awaiting review; the medication matches one of the patient's allergies and no overrideReason was given; or its name mixes scripts (correct it first)",
  })
  acceptPrescription(
    @UuidParam('recordId') recordId: string,
    @UuidParam('prescriptionId') prescriptionId: string,
    @Body() body?: AcceptPrescriptionDto,
  ): Promise<PrescriptionDto> {
    return this.prescriptions.acceptPrescription(recordId, prescriptionId, body ?? {});
  }

  @Post(':prescriptionId/reject')
  @Access('POST /api/v1/records/{recordId}/prescriptions/{prescriptionId}/reject')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: 'Reject an AI-extracted prescription',
    description: "Only a prescription awaiting review on a draft record. It is kept for the audit (reviewStatus rejected), and no longer shown in the record's list, the chart or FHIR.",
  })
  @ApiOkResponse({ type: PrescriptionDto, headers: ETAG_HEADER })
  @ApiInvalidInput('recordId or prescriptionId is not a UUID')
  @ApiAbsent('No such record, or no such prescription on it')
  @SIGNED_OR_DECIDED()
  rejectPrescription(@UuidParam('recordId') recordId: string, @UuidParam('prescriptionId') prescriptionId: string): Promise<PrescriptionDto> {
    return this.prescriptions.rejectPrescription(recordId, prescriptionId);
  }
}
