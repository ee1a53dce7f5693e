import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy, ValidateIf } from 'class-validator';

// The one rule for text, shared by every body and query of the API so that no two routes can
// disagree about what a valid value is:
// - Unicode is normalised to NFC: "é" typed as e + combining accent and as one character are the
//   same text, for search, for the allergy check and for the unique email.
// - Control characters are refused with a 400 naming the field. PostgreSQL refuses NUL in text
//   (the write would fail as a 500), and no name, dose or allergen needs a tab or a bell; prose
//   (notes, instructions, a record's text) keeps tab and line breaks. Lone surrogate halves are
//   refused too: they are no character at all.
// - Surrounding blanks are dropped; nothing but blanks is refused where a value is required.

// What each kind of text refuses: every control character (\p{Cc}: C0, DEL and C1), or all of
// them but tab, line feed and carriage return.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;

/** NFC and trimmed; anything that is not a string passes through for the type check to refuse. */
export const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));

/** Update bodies: the field may be left out, but a required column may not be set to null. */
export const UnlessAbsent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

const Characters = (refused: RegExp, what: string) =>
  ValidateBy({
    name: 'characters',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || (value.isWellFormed() && !refused.test(value)),
      defaultMessage: (args) => `${args?.property} must not contain ${what}`,
    },
  });

/** No control character at all, line breaks and tabs included: for a query's words as for a name. */
export const SingleLine = () => Characters(CONTROL, 'control characters (line breaks and tabs included)');
const ProseCharacters = () => Characters(CONTROL_BUT_LINE_BREAKS, 'control characters other than tabs and line breaks');

/** Required single-line text: a name, an allergen, a dose. */
export const RequiredText = (maxLength = 255) =>
  applyDecorators(Trimmed(), IsString(), IsNotEmpty({ message: '$property must not be blank' }), MaxLength(maxLength), SingleLine());

/** Optional single-line text: null clears it; an empty string is refused rather than stored. */
export const OptionalText = (maxLength = 255) =>
  applyDecorators(IsOptional(), Trimmed(), IsString(), IsNotEmpty({ message: '$property must not be blank (send null to clear it)' }), MaxLength(maxLength), SingleLine());

/** Required prose: instructions, an amendment's text. Tabs and line breaks are kept. */
export const RequiredProse = (maxLength: number) =>
  applyDecorators(Trimmed(), IsString(), IsNotEmpty({ message: '$property must not be blank' }), MaxLength(maxLength), ProseCharacters());

/** Optional prose: a note field. */
export const OptionalProse = (maxLength: number) =>
  applyDecorators(IsOptional(), Trimmed(), IsString(), IsNotEmpty({ message: '$property must not be blank (send null to clear it)' }), MaxLength(maxLength), ProseCharacters());

// The scripts a name may be written in. Han, Hiragana and Katakana are one writing system
// (Japanese mixes them); everything else counts on its own.
const SCRIPTS: [name: string, letters: RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Japanese', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/** True when the letters of a text come from more than one script ("Amоxicillin" with a Cyrillic о). */
export function mixesScripts(text: string): boolean {
  const seen = new Set<string>();
  for (const letter of text.match(/\p{L}/gu) ?? []) {
    seen.add(SCRIPTS.find(([, letters]) => letters.test(letter))?.[0] ?? 'other');
    if (seen.size > 1) return true;
  }
  return false;
}

/**
 * A name written in one script: a drug or allergen name that mixes them is a look-alike that no
 * comparison would catch (a Cyrillic о in "Amoxicillin"), so it is refused rather than stored.
 */
export const SingleScript = () =>
  ValidateBy({
    name: 'singleScript',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !mixesScripts(value),
      defaultMessage: (args) => `${args?.property} mixes letters of different scripts (for instance a Cyrillic letter in a Latin name): type it in one script`,
    },
  });

export const OneOf = (values: readonly string[]) => IsIn(values, { message: `$property must be one of ${values.join(', ')}` });

/** The fields a client sent in an update body (a DTO instance also carries the others, as undefined). */
export function sentFields<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<T>;
}
