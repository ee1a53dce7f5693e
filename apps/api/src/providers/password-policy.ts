import { registerDecorator, type ValidationArguments } from 'class-validator';
import { passwordWeaknesses } from '@clinic/db/passwords';

// The seeds' policy, so that accounts made by an admin and by the production seed meet one rule.
export const PASSWORD_POLICY =
  'At least 12 characters with a lowercase and an uppercase letter, a digit and a symbol; not a commonly guessed or published password';
// Hashing cost grows with the input: an upper bound keeps one request from buying minutes of CPU.
export const MAX_PASSWORD_LENGTH = 128;

/** A password for a real account: reports every weakness at once, never the password itself. */
export function AcceptablePassword(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'acceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordWeaknesses(value).length === 0,
        defaultMessage: ({ value }: ValidationArguments) =>
          typeof value === 'string' ? `password is too weak: ${passwordWeaknesses(value).join('; ')}` : 'password must be a string',
      },
    });
}
