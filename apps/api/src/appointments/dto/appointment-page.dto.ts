import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/pagination.js';
import { AppointmentDto } from './appointment.dto.js';

export class AppointmentPageDto extends PageMetaDto {
  @ApiProperty({ type: [AppointmentDto] })
  data!: AppointmentDto[];
}
