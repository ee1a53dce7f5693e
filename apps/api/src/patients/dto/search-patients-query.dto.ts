import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { CalendarDate } from '../../common/fields/calendar-date.js';
import { EmailText, PhoneText } from '../../common/fields/contact.js';
import { SingleLine, Trimmed } from '../../common/fields/text.js';

/** Every filter given must match; none given lists every (active) patient. */
export class SearchPatientsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'Fictif, Hél',
    minLength: 2,
    maxLength: 100,
    description:
      'Part of the first and/or last name, case- and accent-insensitive. "First Last" and "Last First": every word must occur in either name; "Last, First": the words before the comma in the last name, those after it in the first name.',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(2, { message: 'q must be at least 2 characters' })
  @MaxLength(100)
  @SingleLine()
  @Matches(/[\p{L}\p{N}]/u, { message: 'q must contain a letter or a digit' })
  q?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '1984-03-17', description: 'Exact date of birth, YYYY-MM-DD' })
  @IsOptional()
  @CalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: '555-010-0147', description: 'Compared by digits only, whatever the formatting on either side' })
  @IsOptional()
  @PhoneText()
  phone?: string;

  @ApiPropertyOptional({ example: 'h.fictif@example.org', description: 'Exact, case-insensitive' })
  @IsOptional()
  @EmailText()
  email?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'true: archived patients are listed too' })
  @IsOptional()
  // Query strings carry text: only the words true and false become booleans, anything else fails.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeArchived?: boolean;
}
