import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

// The validation of the chart's fields, shared by create and update bodies (and by patients,
// allergies and conditions) so that two routes can never disagree about what a valid value is.

export const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Update bodies: the field may be left out, but a required column may not be set to null. */
export const UnlessAbsent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Required text: surrounding blanks are dropped, and nothing but blanks is refused. */
export const RequiredText = (maxLength = 255) =>
  applyDecorators(Trimmed(), IsString(), IsNotEmpty({ message: '$property must not be blank' }), MaxLength(maxLength));

/** Optional text: null clears it; an empty string is refused rather than stored. */
export const OptionalText = (maxLength = 255) =>
  applyDecorators(IsOptional(), Trimmed(), IsString(), IsNotEmpty({ message: '$property must not be blank (send null to clear it)' }), MaxLength(maxLength));

/**
 * A phone number as people write it: digits with spaces, dots, dashes, slashes or parentheses,
 * a leading +, and an extension ("x12", "ext. 12"). Search compares digits only, so the
 * formatting is kept as typed.
 */
export const PhoneText = () =>
  applyDecorators(
    Trimmed(),
    IsString(),
    MaxLength(50),
    Matches(/\d/, { message: '$property must contain digits' }),
    Matches(/^\+?[\d\s()./-]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i, {
      message: '$property may hold only digits, spaces, ( ) . / -, a leading + and an extension such as "x12"',
    }),
  );

export const EmailText = () => applyDecorators(Trimmed(), IsEmail({}, { message: '$property must be an email address' }), MaxLength(255));

export const OneOf = (values: readonly string[]) => IsIn(values, { message: `$property must be one of ${values.join(', ')}` });

/** The fields a client sent in an update body (a DTO instance also carries the others, as undefined). */
export function sentFields<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<T>;
}
