import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { ApiAbsent, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER } from '../../common/api-docs.js';
import { EtagHeader } from '../../common/etag-header.interceptor.js';
import { UuidParam } from '../../common/uuid-param.js';
import { ConditionsService } from './conditions.service.js';
import { ConditionPageDto } from './dto/condition-page.dto.js';
import { ConditionDto } from './dto/condition.dto.js';
import { CreateConditionDto } from './dto/create-condition.dto.js';
import { ListConditionsQueryDto } from './dto/list-conditions-query.dto.js';
import { UpdateConditionDto } from './dto/update-condition.dto.js';

@ApiTags('conditions')
@ApiSignedIn()
@Controller('patients/:id/conditions')
export class ConditionsController {
  constructor(private readonly conditions: ConditionsService) {}

  @Get()
  @Access('GET /api/v1/patients/{id}/conditions')
  @ApiOperation({ summary: "A patient's chronic conditions, in the order they were recorded" })
  @ApiOkResponse({ type: ConditionPageDto })
  @ApiInvalidInput('id is not a UUID, or invalid status, limit or cursor')
  @ApiAbsent('No such patient')
  listConditions(@UuidParam('id') patientId: string, @Query() query: ListConditionsQueryDto): Promise<ConditionPageDto> {
    return this.conditions.listConditions(patientId, query);
  }

  @Post()
  @Access('POST /api/v1/patients/{id}/conditions')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Record a chronic condition on the chart' })
  @ApiCreatedResponse({ type: ConditionDto, headers: ETAG_HEADER })
  @ApiInvalidInput('Invalid input (unknown status, diagnosis in the future or before birth …): the errors list names each field')
  @ApiAbsent('No such patient')
  recordCondition(@UuidParam('id') patientId: string, @Body() condition: CreateConditionDto): Promise<ConditionDto> {
    return this.conditions.recordCondition(patientId, condition);
  }

  @Get(':conditionId')
  @Access('GET /api/v1/patients/{id}/conditions/{conditionId}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'One chronic condition of the patient' })
  @ApiOkResponse({ type: ConditionDto, headers: ETAG_HEADER })
  @ApiInvalidInput('id or conditionId is not a UUID')
  @ApiAbsent('No such patient, or no such condition on this patient')
  getCondition(@UuidParam('id') patientId: string, @UuidParam('conditionId') conditionId: string): Promise<ConditionDto> {
    return this.conditions.getCondition(patientId, conditionId);
  }

  @Patch(':conditionId')
  @Access('PATCH /api/v1/patients/{id}/conditions/{conditionId}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Update a chronic condition (status, notes, corrections)', description: 'Fields left out stay as they are; null clears an optional field.' })
  @ApiOkResponse({ type: ConditionDto, headers: ETAG_HEADER })
  @ApiInvalidInput()
  @ApiAbsent('No such patient, or no such condition on this patient')
  @ApiIfMatch()
  updateCondition(
    @UuidParam('id') patientId: string,
    @UuidParam('conditionId') conditionId: string,
    @Body() update: UpdateConditionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ConditionDto> {
    return this.conditions.updateCondition(patientId, conditionId, update, ifMatch);
  }

  @Delete(':conditionId')
  @Access('DELETE /api/v1/patients/{id}/conditions/{conditionId}')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a condition recorded in error', description: 'A condition that is over is kept with status resolved, not removed.' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiInvalidInput('id or conditionId is not a UUID')
  @ApiAbsent('No such patient, or no such condition on this patient')
  removeCondition(@UuidParam('id') patientId: string, @UuidParam('conditionId') conditionId: string): Promise<void> {
    return this.conditions.removeCondition(patientId, conditionId);
  }
}
