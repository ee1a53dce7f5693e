import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/pagination.js';
import { AuditEventDto } from './audit-event.dto.js';

export class AuditEventPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEventDto] })
  data!: AuditEventDto[];
}
