import { ApiProperty } from '@nestjs/swagger';
import type { VitalSignsRecord } from '../vital-signs-record.js';

const Value = (description: string, type: 'integer' | 'number' = 'integer') => ApiProperty({ type, nullable: true, description });

/** One appointment's vital signs; decimals are JSON numbers, null where not measured. */
export class VitalSignsDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  appointmentId!: string;

  @Value('mmHg')
  bloodPressureSystolic!: number | null;

  @Value('mmHg')
  bloodPressureDiastolic!: number | null;

  @Value('beats per minute')
  heartRate!: number | null;

  @Value('°C', 'number')
  temperature!: number | null;

  @Value('breaths per minute')
  respiratoryRate!: number | null;

  @Value('SpO₂ %')
  oxygenSaturation!: number | null;

  @Value('kg', 'number')
  weight!: number | null;

  @Value('cm', 'number')
  height!: number | null;

  @Value('kg/m², one decimal: computed by the server from weight and height (null unless both were measured)', 'number')
  bmi!: number | null;

  @Value('0–10')
  painLevel!: number | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'When this set was recorded (or last replaced)' })
  recordedAt!: string;
}

export function toVitalSignsDto(vitals: VitalSignsRecord): VitalSignsDto {
  return {
    id: vitals.id,
    appointmentId: vitals.appointmentId,
    bloodPressureSystolic: vitals.bloodPressureSystolic,
    bloodPressureDiastolic: vitals.bloodPressureDiastolic,
    heartRate: vitals.heartRate,
    temperature: vitals.temperature,
    respiratoryRate: vitals.respiratoryRate,
    oxygenSaturation: vitals.oxygenSaturation,
    weight: vitals.weight,
    height: vitals.height,
    bmi: vitals.bmi,
    painLevel: vitals.painLevel,
    recordedAt: vitals.recordedAt.toISOString(),
  };
}
