import { ApiProperty } from '@nestjs/swagger';
import type { MedicalRecordWithAmendments } from '../medical-record.js';
import { AmendmentDto, toAmendmentDto } from './amendment.dto.js';

const text = (example: string) => ({ type: String, nullable: true, example });

/** A visit's note. Once signed it never changes; its amendments follow it, oldest first. */
export class MedicalRecordDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  appointmentId!: string;

  @ApiProperty(text('Sore throat for three days'))
  chiefComplaint!: string | null;

  @ApiProperty(text('Started three days ago with fever.'))
  historyOfPresentIllness!: string | null;

  @ApiProperty(text('Tonsillar exudate, tender anterior nodes.'))
  physicalExamNotes!: string | null;

  @ApiProperty(text('Streptococcal pharyngitis'))
  diagnosis!: string | null;

  @ApiProperty(text('Rapid strep positive.'))
  diagnosisNotes!: string | null;

  @ApiProperty(text('Amoxicillin for 10 days.'))
  treatmentPlan!: string | null;

  @ApiProperty(text('Return if not better in 3 days.'))
  followUpInstructions!: string | null;

  @ApiProperty(text('Finish the whole course.'))
  patientEducation!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Set by the transcription service, never by clients' })
  audioFileUrl!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Set by the transcription service, never by clients' })
  transcript!: string | null;

  @ApiProperty()
  isAIGenerated!: boolean;

  @ApiProperty({ description: 'True until the record is signed' })
  isDraft!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  signedById!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: [AmendmentDto], description: 'Corrections of the signed record, oldest first; the record itself stays as signed' })
  amendments!: AmendmentDto[];
}

export function toMedicalRecordDto(record: MedicalRecordWithAmendments): MedicalRecordDto {
  return {
    id: record.id,
    appointmentId: record.appointmentId,
    chiefComplaint: record.chiefComplaint,
    historyOfPresentIllness: record.historyOfPresentIllness,
    physicalExamNotes: record.physicalExamNotes,
    diagnosis: record.diagnosis,
    diagnosisNotes: record.diagnosisNotes,
    treatmentPlan: record.treatmentPlan,
    followUpInstructions: record.followUpInstructions,
    patientEducation: record.patientEducation,
    audioFileUrl: record.audioFileUrl,
    transcript: record.transcript,
    isAIGenerated: record.isAIGenerated,
    isDraft: record.isDraft,
    signedAt: record.signedAt?.toISOString() ?? null,
    signedById: record.signedById,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    amendments: record.amendments.map(toAmendmentDto),
  };
}
