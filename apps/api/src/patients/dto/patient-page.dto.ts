import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/pagination.js';
import { PatientDto } from './patient.dto.js';

export class PatientPageDto extends PageMetaDto {
  @ApiProperty({ type: [PatientDto] })
  data!: PatientDto[];
}
