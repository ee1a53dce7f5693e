import { Injectable } from '@nestjs/common';
import { StaleWrite } from '../../common/domain-error.js';
import { assertFresh } from '../../common/etag.js';
import type { Page, PageQueryDto } from '../../common/pagination.js';
import { toPage } from '../../common/pagination.js';
import { calendarDay } from '../calendar-date.js';
import { sentFields } from '../chart-fields.js';
import { entryKeyAfter, entryKeyOf } from '../cursors.js';
import { assertNotBeforeBirth } from '../patients.errors.js';
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

@Injectable()
export class AllergiesService {
  constructor(
    private readonly patients: PatientsService,
    private readonly allergies: AllergiesRepository,
  ) {}

  async listAllergies(patientId: string, page: PageQueryDto): Promise<Page<AllergyDto>> {
    await this.patients.findPatientOrFail(patientId);
    const rows = await this.allergies.listAllergies(patientId, entryKeyAfter(page.cursor), page.limit + 1);
    return toPage(rows, page.limit, entryKeyOf, toAllergyDto);
  }

  async recordAllergy(patientId: string, allergy: CreateAllergyDto): Promise<AllergyDto> {
    const patient = await this.patients.findPatientOrFail(patientId);
    const onsetDate = allergy.onsetDate ? calendarDay(allergy.onsetDate) : null;
    assertNotBeforeBirth(patient, onsetDate, 'onsetDate');
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
    const patient = await this.patients.findPatientOrFail(patientId);
    return toAllergyDto(await this.findAllergyOrFail(patient.id, allergyId));
  }

  async correctAllergy(patientId: string, allergyId: string, update: UpdateAllergyDto, ifMatch: string | undefined): Promise<AllergyDto> {
    const patient = await this.patients.findPatientOrFail(patientId);
    const current = await this.findAllergyOrFail(patient.id, allergyId);
    assertFresh(ifMatch, toAllergyDto(current));
    const changes = changesFrom(update);
    assertNotBeforeBirth(patient, changes.onsetDate, 'onsetDate');
    if (Object.keys(changes).length === 0) return toAllergyDto(current);
    const updated = await this.allergies.updateAllergy(current, changes);
    if (!updated) throw new StaleWrite();
    return toAllergyDto(updated);
  }

  async removeAllergy(patientId: string, allergyId: string): Promise<void> {
    await this.patients.findPatientOrFail(patientId);
    if (!(await this.allergies.deleteAllergy(patientId, allergyId))) throw new AllergyNotFound();
  }

  private async findAllergyOrFail(patientId: string, allergyId: string): Promise<AllergyRecord> {
    const allergy = await this.allergies.findAllergy(patientId, allergyId);
    if (!allergy) throw new AllergyNotFound();
    return allergy;
  }
}
