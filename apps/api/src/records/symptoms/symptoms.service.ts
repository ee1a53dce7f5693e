import { Injectable } from '@nestjs/common';
import { assertFresh } from '../../common/etag.js';
import { type Page, type PageQueryDto, toPage } from '../../common/pagination.js';
import { sentFields } from '../../patients/chart-fields.js';
import { entryKeyAfter, entryKeyOf } from '../../patients/cursors.js';
import { assertDraft } from '../records.errors.js';
import { RecordsService } from '../records.service.js';
import { type SymptomDto, toSymptomDto } from './dto/symptom.dto.js';
import type { CreateSymptomDto, UpdateSymptomDto } from './dto/write-symptom.dto.js';
import type { SymptomRow } from './symptom-row.js';
import { SymptomNotFound } from './symptoms.errors.js';
import { SymptomsRepository } from './symptoms.repository.js';

@Injectable()
export class SymptomsService {
  constructor(
    private readonly records: RecordsService,
    private readonly symptoms: SymptomsRepository,
  ) {}

  async listSymptoms(recordId: string, page: PageQueryDto): Promise<Page<SymptomDto>> {
    await this.records.findRecordOwnerOrFail(recordId);
    const rows = await this.symptoms.listSymptoms(recordId, entryKeyAfter(page.cursor), page.limit + 1);
    return toPage(rows, page.limit, entryKeyOf, toSymptomDto);
  }

  async recordSymptom(recordId: string, symptom: CreateSymptomDto): Promise<SymptomDto> {
    const record = await this.records.findDraftOrFail(recordId);
    const created = await this.symptoms.createSymptom({
      medicalRecordId: record.id,
      symptomName: symptom.symptomName,
      bodySite: symptom.bodySite ?? null,
      severity: symptom.severity ?? null,
      duration: symptom.duration ?? null,
      notes: symptom.notes ?? null,
    });
    return toSymptomDto(created);
  }

  async correctSymptom(recordId: string, symptomId: string, update: UpdateSymptomDto, ifMatch: string | undefined): Promise<SymptomDto> {
    const record = await this.records.findRecordOwnerOrFail(recordId);
    const current = await this.findSymptomOrFail(recordId, symptomId);
    assertDraft(record);
    assertFresh(ifMatch, toSymptomDto(current));
    const changes = sentFields(update);
    if (Object.keys(changes).length === 0) return toSymptomDto(current);
    return toSymptomDto(await this.symptoms.updateSymptom(recordId, symptomId, changes));
  }

  async removeSymptom(recordId: string, symptomId: string): Promise<void> {
    const record = await this.records.findRecordOwnerOrFail(recordId);
    await this.findSymptomOrFail(recordId, symptomId);
    assertDraft(record);
    if (!(await this.symptoms.deleteSymptom(recordId, symptomId))) throw new SymptomNotFound();
  }

  private async findSymptomOrFail(recordId: string, symptomId: string): Promise<SymptomRow> {
    const symptom = await this.symptoms.findSymptom(recordId, symptomId);
    if (!symptom) throw new SymptomNotFound();
    return symptom;
  }
}
