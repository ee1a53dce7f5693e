import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 480;

export const DurationMinutes = () => applyDecorators(IsInt(), Min(MIN_DURATION_MINUTES), Max(MAX_DURATION_MINUTES));
