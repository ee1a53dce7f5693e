import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import { type ReadParts, selectParts } from '../common/read-parts.js';

/**
 * The FHIR API's reads in one statement each, whatever the length of the history: a SELECT of the
 * parts the owning features lend (common/read-parts.ts). FHIR owns no table and names none.
 */
@Injectable()
export class FhirRepository {
  constructor(private readonly prisma: PrismaService) {}

  readParts<T extends Record<string, unknown>>(parts: ReadParts<T>): Promise<T> {
    return selectParts(this.prisma, parts);
  }
}
