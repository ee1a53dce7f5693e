import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { Trimmed } from './text.js';

/**
 * A phone number as people write it: digits with spaces, dots, dashes, slashes or parentheses,
 * a leading +, and an extension ("x12", "ext. 12"). Search compares digits only, so the
 * formatting is kept as typed. The pattern admits no control character.
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

/** An email address as typed (a patient's: compared case-insensitively when searched). */
export const EmailText = () => applyDecorators(Trimmed(), IsEmail({}, { message: '$property must be an email address' }), MaxLength(255));

/** A sign-in email: unique, so it is stored in one case and compared as stored. */
export const SignInEmail = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim().toLowerCase() : value)),
    IsEmail({}, { message: '$property must be an email address' }),
    MaxLength(255),
  );
