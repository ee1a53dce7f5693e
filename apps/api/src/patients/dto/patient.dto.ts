import { ApiProperty } from '@nestjs/swagger';
import { formatCalendarDate } from '../../common/fields/calendar-date.js';
import { SEXES, type PatientRecord } from '../patient-record.js';

/** A patient's demographics as every response shows them; built field by field. */
export class PatientDto {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6a4d-4e5f-9b7a-1c2d3e4f5a6b' })
  id!: string;

  @ApiProperty({ example: 'Hélène' })
  firstName!: string;

  @ApiProperty({ example: 'Fictif' })
  lastName!: string;

  @ApiProperty({ type: String, format: 'date', example: '1984-03-17' })
  dateOfBirth!: string;

  @ApiProperty({ enum: SEXES, enumName: 'Sex', example: 'female' })
  sex!: PatientRecord['sex'];

  @ApiProperty({ example: '(555) 010-0147' })
  phone!: string;

  @ApiProperty({ type: String, nullable: true, example: 'h.fictif@example.org' })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '12 Sample Street, Exampletown' })
  address!: string | null;

  @ApiProperty({ example: 'Marc Fictif' })
  emergencyContactName!: string;

  @ApiProperty({ example: '555.010.0148' })
  emergencyContactPhone!: string;

  @ApiProperty({ type: String, nullable: true, example: 'spouse' })
  emergencyContactRelationship!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'When the patient was archived; null while active' })
  archivedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-25T09:30:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-25T09:30:00.000Z' })
  updatedAt!: string;
}

export function toPatientDto(patient: PatientRecord): PatientDto {
  return {
    id: patient.id,
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: formatCalendarDate(patient.dateOfBirth),
    sex: patient.sex,
    phone: patient.phone,
    email: patient.email,
    address: patient.address,
    emergencyContactName: patient.emergencyContactName,
    emergencyContactPhone: patient.emergencyContactPhone,
    emergencyContactRelationship: patient.emergencyContactRelationship,
    archivedAt: patient.archivedAt?.toISOString() ?? null,
    createdAt: patient.createdAt.toISOString(),
    updatedAt: patient.updatedAt.toISOString(),
  };
}
