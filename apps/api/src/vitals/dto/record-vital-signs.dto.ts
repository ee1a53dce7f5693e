import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min, ValidateBy } from 'class-validator';

// Physiological ranges: a value outside them is a typing or unit mistake (°F for °C, lb for kg),
// not a patient. They are wide on purpose: a neonate's 0.3 kg, a hypertensive crisis's 250 mmHg.

const Measured = (options: { min: number; max: number; integer?: boolean; decimals?: number }) =>
  applyDecorators(
    IsOptional(),
    options.integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: options.decimals }),
    Min(options.min),
    Max(options.max),
  );

const Doc = (description: string, min: number, max: number, example: number, type: 'integer' | 'number' = 'integer') =>
  ApiPropertyOptional({ type, nullable: true, minimum: min, maximum: max, example, description });

const BelowSystolic = () =>
  ValidateBy({
    name: 'belowSystolic',
    validator: {
      validate: (value: unknown, args) => {
        const systolic = (args?.object as RecordVitalSignsDto).bloodPressureSystolic;
        return typeof value !== 'number' || typeof systolic !== 'number' || value < systolic;
      },
      defaultMessage: () => 'bloodPressureDiastolic must be below bloodPressureSystolic',
    },
  });

/** Blood pressure is one reading: both numbers, or neither (runs only when this one is given). */
const PairedWith = (other: keyof RecordVitalSignsDto) =>
  ValidateBy({
    name: 'pairedWith',
    validator: {
      validate: (_value: unknown, args) => typeof (args?.object as RecordVitalSignsDto)[other] === 'number',
      defaultMessage: (args) => `${args?.property} must be given together with ${other}`,
    },
  });

/**
 * A full set of vital signs; PUT replaces the previous set, so a value left out (or null) is not
 * recorded. Units: mmHg, beats and breaths per minute, °C, %, kg, cm, pain 0–10. `bmi` is not
 * accepted: the server computes it from weight and height.
 */
export class RecordVitalSignsDto {
  @Doc('Systolic blood pressure, mmHg (50–260)', 50, 260, 128)
  @Measured({ min: 50, max: 260, integer: true })
  @PairedWith('bloodPressureDiastolic')
  bloodPressureSystolic?: number | null;

  @Doc('Diastolic blood pressure, mmHg (20–180), below the systolic', 20, 180, 82)
  @Measured({ min: 20, max: 180, integer: true })
  @PairedWith('bloodPressureSystolic')
  @BelowSystolic()
  bloodPressureDiastolic?: number | null;

  @Doc('Heart rate, beats per minute (20–250)', 20, 250, 72)
  @Measured({ min: 20, max: 250, integer: true })
  heartRate?: number | null;

  @Doc('Body temperature, °C (30.0–45.0), one decimal', 30, 45, 36.8, 'number')
  @Measured({ min: 30, max: 45, decimals: 1 })
  temperature?: number | null;

  @Doc('Respiratory rate, breaths per minute (4–80)', 4, 80, 16)
  @Measured({ min: 4, max: 80, integer: true })
  respiratoryRate?: number | null;

  @Doc('Oxygen saturation SpO₂, % (50–100)', 50, 100, 98)
  @Measured({ min: 50, max: 100, integer: true })
  oxygenSaturation?: number | null;

  @Doc('Weight, kg (0.3–500), up to two decimals', 0.3, 500, 72.5, 'number')
  @Measured({ min: 0.3, max: 500, decimals: 2 })
  weight?: number | null;

  @Doc('Height, cm (20–272), up to two decimals', 20, 272, 175, 'number')
  @Measured({ min: 20, max: 272, decimals: 2 })
  height?: number | null;

  @Doc('Pain on the 0–10 numeric rating scale', 0, 10, 2)
  @Measured({ min: 0, max: 10, integer: true })
  painLevel?: number | null;
}
