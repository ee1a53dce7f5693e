import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { PageQueryDto } from '../../common/pagination.js';
import { ApiAbsent, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER } from '../../common/api-docs.js';
import { EtagHeader } from '../../common/etag-header.interceptor.js';
import { UuidParam } from '../../common/uuid-param.js';
import { AllergiesService } from './allergies.service.js';
import { AllergyPageDto } from './dto/allergy-page.dto.js';
import { AllergyDto } from './dto/allergy.dto.js';
import { CreateAllergyDto } from './dto/create-allergy.dto.js';
import { UpdateAllergyDto } from './dto/update-allergy.dto.js';

@ApiTags('allergies')
@ApiSignedIn()
@Controller('patients/:id/allergies')
export class AllergiesController {
  constructor(private readonly allergies: AllergiesService) {}

  @Get()
  @Access('GET /api/v1/patients/{id}/allergies')
  @ApiOperation({ summary: "A patient's allergies, in the order they were recorded" })
  @ApiOkResponse({ type: AllergyPageDto })
  @ApiInvalidInput('id is not a UUID, or invalid limit or cursor')
  @ApiAbsent('No such patient')
  listAllergies(@UuidParam('id') patientId: string, @Query() page: PageQueryDto): Promise<AllergyPageDto> {
    return this.allergies.listAllergies(patientId, page);
  }

  @Post()
  @Access('POST /api/v1/patients/{id}/allergies')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Record an allergy on the chart' })
  @ApiCreatedResponse({ type: AllergyDto, headers: ETAG_HEADER })
  @ApiInvalidInput('Invalid input (unknown severity, onset in the future or before birth …): the errors list names each field')
  @ApiAbsent('No such patient')
  recordAllergy(@UuidParam('id') patientId: string, @Body() allergy: CreateAllergyDto): Promise<AllergyDto> {
    return this.allergies.recordAllergy(patientId, allergy);
  }

  @Get(':allergyId')
  @Access('GET /api/v1/patients/{id}/allergies/{allergyId}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'One allergy of the patient' })
  @ApiOkResponse({ type: AllergyDto, headers: ETAG_HEADER })
  @ApiInvalidInput('id or allergyId is not a UUID')
  @ApiAbsent('No such patient, or no such allergy on this patient')
  getAllergy(@UuidParam('id') patientId: string, @UuidParam('allergyId') allergyId: string): Promise<AllergyDto> {
    return this.allergies.getAllergy(patientId, allergyId);
  }

  @Patch(':allergyId')
  @Access('PATCH /api/v1/patients/{id}/allergies/{allergyId}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Correct an allergy', description: 'Fields left out stay as they are; null clears an optional field.' })
  @ApiOkResponse({ type: AllergyDto, headers: ETAG_HEADER })
  @ApiInvalidInput()
  @ApiAbsent('No such patient, or no such allergy on this patient')
  @ApiIfMatch()
  correctAllergy(
    @UuidParam('id') patientId: string,
    @UuidParam('allergyId') allergyId: string,
    @Body() update: UpdateAllergyDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<AllergyDto> {
    return this.allergies.correctAllergy(patientId, allergyId, update, ifMatch);
  }

  @Delete(':allergyId')
  @Access('DELETE /api/v1/patients/{id}/allergies/{allergyId}')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an allergy recorded in error, or no longer held' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiInvalidInput('id or allergyId is not a UUID')
  @ApiAbsent('No such patient, or no such allergy on this patient')
  removeAllergy(@UuidParam('id') patientId: string, @UuidParam('allergyId') allergyId: string): Promise<void> {
    return this.allergies.removeAllergy(patientId, allergyId);
  }
}
