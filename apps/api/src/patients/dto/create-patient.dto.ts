import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PastCalendarDate } from '../../common/fields/calendar-date.js';
import { EmailText, PhoneText } from '../../common/fields/contact.js';
import { OneOf, OptionalText, RequiredText } from '../../common/fields/text.js';
import { SEXES, type PatientRecord } from '../patient-record.js';

export class CreatePatientDto {
  @ApiProperty({ example: 'Hélène', maxLength: 255 })
  @RequiredText()
  firstName!: string;

  @ApiProperty({ example: 'Fictif', maxLength: 255 })
  @RequiredText()
  lastName!: string;

  @ApiProperty({ type: String, format: 'date', example: '1984-03-17', description: 'YYYY-MM-DD; not in the future, not before 1900-01-01' })
  @PastCalendarDate()
  dateOfBirth!: string;

  @ApiProperty({ enum: SEXES, enumName: 'Sex', example: 'female' })
  @OneOf(SEXES)
  sex!: PatientRecord['sex'];

  @ApiProperty({ example: '(555) 010-0147', maxLength: 50, description: 'Any formatting; must contain digits' })
  @PhoneText()
  phone!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'h.fictif@example.org', maxLength: 255 })
  @IsOptional()
  @EmailText()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '12 Sample Street, Exampletown', maxLength: 255 })
  @OptionalText()
  address?: string | null;

  @ApiProperty({ example: 'Marc Fictif', maxLength: 255 })
  @RequiredText()
  emergencyContactName!: string;

  @ApiProperty({ example: '555.010.0148', maxLength: 50 })
  @PhoneText()
  emergencyContactPhone!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'spouse', maxLength: 255 })
  @OptionalText()
  emergencyContactRelationship?: string | null;
}
