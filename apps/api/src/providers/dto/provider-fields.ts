import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PROVIDER_ROLES } from '../../auth/provider-role.js';

// The validation of each provider field, shared by the create and update bodies so the two can
// never disagree about what a valid phone or email is.

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

// PostgreSQL refuses NUL in text (the write would fail as a 500), and no name needs a tab or bell.
const printable = () => Matches(/^[^\p{Cc}]*$/u, { message: ({ property }) => `${property} must not contain control characters` });

/** Update bodies: the field may be left out, but a required column may not be set to null. */
export const UnlessAbsent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

// Emails are compared as stored, so they are stored in one case.
export const EmailField = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(255),
  );

export const NameField = () => applyDecorators(trimmed(), IsString(), IsNotEmpty(), MaxLength(255), printable());

/** Optional columns: null clears them; an empty string is refused rather than stored. */
export const OptionalTextField = () => applyDecorators(IsOptional(), trimmed(), IsString(), IsNotEmpty(), MaxLength(255), printable());

export const PhoneField = () =>
  applyDecorators(
    IsOptional(),
    trimmed(),
    IsString(),
    Matches(/^\+?[0-9(][0-9 ().-]{5,29}$/, { message: 'phone must be digits, spaces, dots, dashes or parentheses, optionally after a leading +' }),
  );

export const RoleField = () => applyDecorators(IsIn(PROVIDER_ROLES, { message: `role must be one of ${PROVIDER_ROLES.join(', ')}` }));
