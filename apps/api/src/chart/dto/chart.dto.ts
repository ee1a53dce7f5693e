import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AllergyDto } from '../../patients/allergies/dto/allergy.dto.js';
import { ConditionDto } from '../../patients/conditions/dto/condition.dto.js';
import { PatientDto } from '../../patients/dto/patient.dto.js';

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

export class ChartVitalsDto {
  @ApiProperty({ format: 'uuid' })
  appointmentId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: Number, nullable: true })
  bloodPressureSystolic!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  bloodPressureDiastolic!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  heartRate!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '°C' })
  temperature!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  respiratoryRate!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '%' })
  oxygenSaturation!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'kg' })
  weight!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'cm' })
  height!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  bmi!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  painLevel!: number | null;
}

export class ChartPrescriptionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  medicalRecordId!: string;

  @ApiProperty()
  medicationName!: string;

  @ApiProperty()
  strength!: string;

  @ApiProperty()
  dosage!: string;

  @ApiProperty()
  frequency!: string;

  @ApiProperty({ type: String, nullable: true })
  duration!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  quantity!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  refills!: number | null;

  @ApiProperty()
  instructions!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Clinicians and admins only' })
  indication?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Clinicians and admins only' })
  overrideReason?: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
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

  @ApiProperty({ type: ChartVitalsDto, nullable: true, description: 'The latest vital signs taken, at any visit' })
  latestVitals!: ChartVitalsDto | null;

  @ApiProperty({ type: [ChartPrescriptionDto], description: 'Prescriptions written in the last 90 days, latest first' })
  recentPrescriptions!: ChartPrescriptionDto[];

  @ApiProperty({ description: 'False for staff: record text, indications and override reasons are left out' })
  includesNotes!: boolean;
}
