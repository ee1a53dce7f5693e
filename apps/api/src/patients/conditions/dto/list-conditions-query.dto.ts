import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination.js';
import { OneOf } from '../../../common/fields/text.js';
import { CONDITION_STATUSES, type ConditionStatus } from '../condition-record.js';

export class ListConditionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONDITION_STATUSES, enumName: 'ConditionStatus', description: 'Only conditions with this status' })
  @IsOptional()
  @OneOf(CONDITION_STATUSES)
  status?: ConditionStatus;
}
