import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import type { ReadPart } from '../common/read-parts.js';

/** The parts of a chart, each lent by the feature that owns its table (common/read-parts.ts). */
export type ChartParts<T extends Record<string, unknown>> = { [K in keyof T]: ReadPart<T[K]> };

/**
 * The chart in one statement whatever the length of the history: a SELECT of the parts the
 * owning features lend (the patient, allergies, active conditions, the last visits and their
 * records, the latest vital signs, the recent prescriptions). This repository owns no table and
 * names none: each part's SQL is its owner's.
 */
@Injectable()
export class ChartRepository {
  constructor(private readonly prisma: PrismaService) {}

  async readParts<T extends Record<string, unknown>>(parts: ChartParts<T>): Promise<T> {
    const names = Object.keys(parts) as (keyof T & string)[];
    const columns = Prisma.join(names.map((name) => Prisma.sql`${parts[name].sql} AS ${Prisma.raw(`"${name}"`)}`));
    const [row] = await this.prisma.$queryRaw<Record<string, unknown>[]>`SELECT ${columns}`;
    return Object.fromEntries(names.map((name) => [name, parts[name].read(row[name])])) as T;
  }
}
