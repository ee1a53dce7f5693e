import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { AllergyDto } from '../../patients/allergies/dto/allergy.dto.js';
import { ConditionDto } from '../../patients/conditions/dto/condition.dto.js';
import { PatientDto } from '../../patients/dto/patient.dto.js';
import { PrescriptionDto } from '../../records/prescriptions/dto/prescription.dto.js';
import { VitalSignsDto } from '../../vitals/dto/vital-signs.dto.js';

export class ChartRecordSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  isDraft!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Clinicians and admins only' })
  chiefComplaint?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Clinicians and admins only' })
  diagnosis?: string | null;
}

export class ChartVisitDto {
  @ApiProperty({ format: 'uuid', description: 'The appointment' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  providerId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  appointmentDate!: string;

  @ApiProperty({ example: 'follow_up' })
  appointmentType!: string;

  @ApiProperty({ example: 'completed' })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  reasonForVisit!: string | null;

  @ApiProperty({ type: ChartRecordSummaryDto, nullable: true, description: 'Null while the visit has no record' })
  record!: ChartRecordSummaryDto | null;
}

/** A prescription as the chart shows it: staff get it without the indication and the override reason. */
export class ChartPrescriptionDto extends OmitType(PrescriptionDto, ['indication', 'overrideReason'] as const) {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Clinicians and admins only' })
  indication?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Clinicians and admins only' })
  overrideReason?: string | null;
}

export class ChartDto {
  @ApiProperty({ type: PatientDto })
  patient!: PatientDto;

  @ApiProperty({ type: [AllergyDto] })
  allergies!: AllergyDto[];

  @ApiProperty({ type: [ConditionDto], description: "Chronic conditions whose status is 'active'" })
  activeConditions!: ConditionDto[];

  @ApiProperty({ type: [ChartVisitDto], description: 'The last 10 appointments, latest first, with a summary of their records' })
  recentAppointments!: ChartVisitDto[];

  @ApiProperty({ type: VitalSignsDto, nullable: true, description: 'The latest vital signs taken, at any visit' })
  latestVitals!: VitalSignsDto | null;

  @ApiProperty({ type: [ChartPrescriptionDto], description: 'Prescriptions written in the last 90 days, latest first' })
  recentPrescriptions!: ChartPrescriptionDto[];

  @ApiProperty({ description: 'False for staff: record text, indications and override reasons are left out' })
  includesNotes!: boolean;
}
