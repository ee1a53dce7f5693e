import { Injectable } from '@nestjs/common';
import { PrismaService, ReadReplicas } from '@clinic/db';
import { type ReadParts, selectParts } from '../common/read-parts.js';

/**
 * The FHIR API's reads in one statement each, whatever the length of the history: a SELECT of the
 * parts the owning features lend (common/read-parts.ts). FHIR owns no table and names none.
 */
@Injectable()
export class FhirRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly replicas: ReadReplicas,
  ) {}

  readParts<T extends Record<string, unknown>>(parts: ReadParts<T>): Promise<T> {
    return selectParts(this.prisma, parts);
  }

  /**
   * A search's page, on a replica when one is within its lag (ReadReplicas): searches decide no
   * write. Their audit event is written afterwards, on the primary, as every audit event is.
   */
  searchParts<T extends Record<string, unknown>>(parts: ReadParts<T>): Promise<T> {
    return this.replicas.read((db) => selectParts(db, parts));
  }
}
