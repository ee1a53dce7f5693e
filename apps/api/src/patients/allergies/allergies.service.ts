import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '../../audit/audit-event.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { StaleWrite } from '../../common/domain-error.js';
import { assertFresh } from '../../common/etag.js';
import type { Page, PageQueryDto } from '../../common/pagination.js';
import { toPage } from '../../common/pagination.js';
import { calendarDay } from '../calendar-date.js';
import { sentFields } from '../chart-fields.js';
import { entryKeyAfter, entryKeyOf } from '../cursors.js';
import type { PatientRecord } from '../patient-record.js';
import { assertNotBeforeBirth, PatientNotFound } from '../patients.errors.js';
import { PatientsService } from '../patients.service.js';
import { AllergiesRepository } from './allergies.repository.js';
import { AllergyNotFound } from './allergies.errors.js';
import type { AllergyChanges, AllergyRecord } from './allergy-record.js';
import type { CreateAllergyDto } from './dto/create-allergy.dto.js';
import { type AllergyDto, toAllergyDto } from './dto/allergy.dto.js';
import type { UpdateAllergyDto } from './dto/update-allergy.dto.js';

function changesFrom(update: UpdateAllergyDto): AllergyChanges {
  const { onsetDate, ...rest } = sentFields(update);
  return { ...rest, ...(onsetDate !== undefined && { onsetDate: onsetDate === null ? null : calendarDay(onsetDate) }) };
}

/**
 * The trail's words for this feature: one allergy is `allergy`, a patient's list `allergies`.
 * Actions: create, update, read; a removal is `archive` (see AllergiesRepository.deleteAllergy).
 */
const ALLERGY = 'allergy';
const ALLERGY_LIST = 'allergies';

@Injectable()
export class AllergiesService {
  constructor(
    private readonly patients: PatientsService,
    private readonly allergies: AllergiesRepository,
    private readonly audit: AuditTrail,
  ) {}

  async listAllergies(patientId: string, page: PageQueryDto): Promise<Page<AllergyDto>> {
    await this.findAuditedPatientOrFail(patientId, 'read', ALLERGY_LIST, null);
    const rows = await this.allergies.listAllergies(patientId, entryKeyAfter(page.cursor), page.limit + 1);
    const listed = toPage(rows, page.limit, entryKeyOf, toAllergyDto);
    // One event per page, under this one patient: the caller saw their list, even an empty one.
    await this.audit.record({ action: 'read', resourceType: ALLERGY_LIST, patientId, patientIds: [patientId] });
    return listed;
  }

  async recordAllergy(patientId: string, allergy: CreateAllergyDto): Promise<AllergyDto> {
    const patient = await this.findAuditedPatientOrFail(patientId, 'create', ALLERGY, null);
    const onsetDate = allergy.onsetDate ? calendarDay(allergy.onsetDate) : null;
    assertNotBeforeBirth(patient, onsetDate, 'onsetDate');
    // Recorded by the repository, in the same transaction as the new row.
    const recorded = await this.allergies.createAllergy({
      patientId: patient.id,
      allergen: allergy.allergen,
      reaction: allergy.reaction ?? null,
      severity: allergy.severity ?? null,
      onsetDate,
    });
    return toAllergyDto(recorded);
  }

  async getAllergy(patientId: string, allergyId: string): Promise<AllergyDto> {
    const patient = await this.findAuditedPatientOrFail(patientId, 'read', ALLERGY, allergyId);
    const allergy = await this.findAuditedAllergyOrFail(patient.id, allergyId, 'read');
    await this.recordRead(allergy);
    return toAllergyDto(allergy);
  }

  async correctAllergy(patientId: string, allergyId: string, update: UpdateAllergyDto, ifMatch: string | undefined): Promise<AllergyDto> {
    const patient = await this.findAuditedPatientOrFail(patientId, 'update', ALLERGY, allergyId);
    const current = await this.findAuditedAllergyOrFail(patient.id, allergyId, 'update');
    // A refused precondition (412) or invalid input (400) below records nothing: nothing was shown or changed.
    assertFresh(ifMatch, toAllergyDto(current));
    const changes = changesFrom(update);
    assertNotBeforeBirth(patient, changes.onsetDate, 'onsetDate');
    if (Object.keys(changes).length === 0) {
      // Nothing changes, but the caller is shown the allergy: that is a read.
      await this.recordRead(current);
      return toAllergyDto(current);
    }
    // Recorded by the repository with the change; a lost race (null) records nothing.
    const updated = await this.allergies.updateAllergy(current, changes);
    if (!updated) throw new StaleWrite();
    return toAllergyDto(updated);
  }

  async removeAllergy(patientId: string, allergyId: string): Promise<void> {
    await this.findAuditedPatientOrFail(patientId, 'archive', ALLERGY, allergyId);
    // Recorded by the repository with the removal, when there was one.
    if (!(await this.allergies.deleteAllergy(patientId, allergyId))) {
      await this.recordNotFound(patientId, allergyId, 'archive', ALLERGY);
      throw new AllergyNotFound();
    }
  }

  private async findAuditedAllergyOrFail(patientId: string, allergyId: string, action: AuditEntry['action']): Promise<AllergyRecord> {
    const allergy = await this.allergies.findAllergy(patientId, allergyId);
    if (!allergy) {
      await this.recordNotFound(patientId, allergyId, action, ALLERGY);
      throw new AllergyNotFound();
    }
    return allergy;
  }

  /** The patient in the path; when there is none, the 404 is recorded (see recordNotFound) and thrown. */
  private async findAuditedPatientOrFail(patientId: string, action: AuditEntry['action'], resourceType: string, allergyId: string | null): Promise<PatientRecord> {
    try {
      return await this.patients.findPatientOrFail(patientId);
    } catch (error) {
      if (error instanceof PatientNotFound) await this.recordNotFound(patientId, allergyId, action, resourceType);
      throw error;
    }
  }

  /**
   * A 404 on this feature's routes, recorded before it is thrown (the answer stays a plain 404):
   * `denied` when the allergy id is on another patient's chart (reached through this patient's
   * path: an attempt at a chart the path does not give), `failed` when the id is nobody's or the
   * patient in the path does not exist. The event names what the caller asked for: the patient of
   * the path and the allergy id, never the other patient.
   */
  private async recordNotFound(patientId: string, allergyId: string | null, action: AuditEntry['action'], resourceType: string): Promise<void> {
    const owner = allergyId === null ? null : await this.allergies.findAllergyOwner(allergyId);
    const outcome = owner !== null && owner !== patientId ? 'denied' : 'failed';
    await this.audit.record({ action, resourceType, resourceId: allergyId, patientId, outcome });
  }

  private recordRead(allergy: AllergyRecord): Promise<void> {
    return this.audit.record({ action: 'read', resourceType: ALLERGY, resourceId: allergy.id, patientId: allergy.patientId });
  }
}
