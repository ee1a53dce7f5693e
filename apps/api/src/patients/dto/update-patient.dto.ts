import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PastCalendarDate } from '../../common/fields/calendar-date.js';
import { EmailText, PhoneText } from '../../common/fields/contact.js';
import { OneOf, OptionalText, RequiredText, UnlessAbsent } from '../../common/fields/text.js';
import { SEXES, type PatientRecord } from '../patient-record.js';

/** Fields left out stay as they are; null clears an optional one. Archiving is DELETE's job. */
export class UpdatePatientDto {
  @ApiPropertyOptional({ example: 'Hélène', maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  firstName?: string;

  @ApiPropertyOptional({ example: 'Fictif', maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  lastName?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '1984-03-17', description: 'YYYY-MM-DD; not in the future, not before 1900-01-01' })
  @UnlessAbsent()
  @PastCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: SEXES, enumName: 'Sex', example: 'female' })
  @UnlessAbsent()
  @OneOf(SEXES)
  sex?: PatientRecord['sex'];

  @ApiPropertyOptional({ example: '(555) 010-0147', maxLength: 50 })
  @UnlessAbsent()
  @PhoneText()
  phone?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'h.fictif@example.org', maxLength: 255 })
  @IsOptional()
  @EmailText()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalText()
  address?: string | null;

  @ApiPropertyOptional({ example: 'Marc Fictif', maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  emergencyContactName?: string;

  @ApiPropertyOptional({ example: '555.010.0148', maxLength: 50 })
  @UnlessAbsent()
  @PhoneText()
  emergencyContactPhone?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalText()
  emergencyContactRelationship?: string | null;
}
