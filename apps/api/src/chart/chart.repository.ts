import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import { type ReadParts, selectParts } from '../common/read-parts.js';

/** The parts of a chart, each lent by the feature that owns its table (common/read-parts.ts). */
export type ChartParts<T extends Record<string, unknown>> = ReadParts<T>;

/**
 * The chart in one statement whatever the length of the history: a SELECT of the parts the
 * owning features lend (the patient, allergies, active conditions, the last visits and their
 * records, the latest vital signs, the recent prescriptions). This repository owns no table and
 * names none: each part's SQL is its owner's.
 */
@Injectable()
export class ChartRepository {
  constructor(private readonly prisma: PrismaService) {}

  readParts<T extends Record<string, unknown>>(parts: ChartParts<T>): Promise<T> {
    return selectParts(this.prisma, parts);
  }
}
