import { Injectable } from '@nestjs/common';
import type { PatientVia } from '../identity/access-table.js';

type PatientLookup = (id: string) => Promise<string | null>;

/**
 * How the trail finds the patient behind an appointment or a medical record id when it records a
 * refused request on one (refused-requests.ts). The features that own those tables register
 * their lookup at start-up, so the trail never reads their tables, and no feature's code is
 * imported here.
 */
@Injectable()
export class PatientLookups {
  private readonly lookups = new Map<PatientVia, PatientLookup>([['patient', async (id) => id]]);

  register(via: Exclude<PatientVia, 'patient'>, lookup: PatientLookup): void {
    this.lookups.set(via, lookup);
  }

  /** The patient, or null when the id is nobody's or no feature registered a lookup. */
  async patientOf(via: PatientVia, id: string): Promise<string | null> {
    return (await this.lookups.get(via)?.(id)) ?? null;
  }
}
