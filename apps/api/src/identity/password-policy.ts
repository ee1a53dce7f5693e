import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, registerDecorator, type ValidationArguments } from 'class-validator';
import { passwordWeaknesses } from '@clinic/db/passwords';

// The seeds' policy, so that accounts made by an admin, passwords changed by their owner and the
// production seed's administrator all meet one rule.
export const PASSWORD_POLICY =
  'At least 12 characters with a lowercase and an uppercase letter, a digit and a symbol; not a commonly guessed or published password';
// Hashing cost grows with the input: an upper bound keeps one request from buying minutes of CPU.
export const MAX_PASSWORD_LENGTH = 128;

function StrongEnough(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'acceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordWeaknesses(value).length === 0,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          typeof value === 'string' ? `${property} is too weak: ${passwordWeaknesses(value).join('; ')}` : `${property} must be a string`,
      },
    });
}

/** A password for a real account: reports every weakness at once, never the password itself. */
export const AcceptablePassword = () => applyDecorators(IsString(), MaxLength(MAX_PASSWORD_LENGTH), StrongEnough());
