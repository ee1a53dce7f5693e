import { Injectable } from '@nestjs/common';
import { assertFresh } from '../../common/etag.js';
import { StaleWrite } from '../../common/domain-error.js';
import { type Page, type PageQueryDto, toPage } from '../../common/pagination.js';
import { PatientsService } from '../../patients/patients.service.js';
import { AppointmentsService } from '../appointments.service.js';
import { instantKeyAfter, instantKeyOf } from '../cursors.js';
import type { RecordVitalSignsDto } from './dto/record-vital-signs.dto.js';
import { type VitalSignsDto, toVitalSignsDto } from './dto/vital-signs.dto.js';
import { BMI_RANGE, bodyMassIndex, MEASUREMENTS, type VitalSignsValues } from './vital-signs-record.js';
import { ImplausibleBmi, VitalSignsEmpty, VitalSignsForAbsentVisit, VitalSignsNotFound } from './vital-signs.errors.js';
import { VitalSignsRepository } from './vital-signs.repository.js';

function valuesFrom(body: RecordVitalSignsDto): VitalSignsValues {
  const measured = Object.fromEntries(MEASUREMENTS.map((field) => [field, body[field] ?? null])) as Omit<VitalSignsValues, 'bmi'>;
  if (MEASUREMENTS.every((field) => measured[field] === null)) throw new VitalSignsEmpty();
  const bmi = measured.weight !== null && measured.height !== null ? bodyMassIndex(measured.weight, measured.height) : null;
  if (bmi !== null && (bmi < BMI_RANGE.min || bmi > BMI_RANGE.max)) throw new ImplausibleBmi(bmi, BMI_RANGE.min, BMI_RANGE.max);
  return { ...measured, bmi };
}

export interface RecordedVitalSigns {
  vitals: VitalSignsDto;
  created: boolean;
}

@Injectable()
export class VitalSignsService {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly patients: PatientsService,
    private readonly vitalSigns: VitalSignsRepository,
  ) {}

  async getVitalSigns(appointmentId: string): Promise<VitalSignsDto> {
    const appointment = await this.appointments.findAppointmentOrFail(appointmentId);
    const vitals = await this.vitalSigns.findVitalSigns(appointment.id);
    if (!vitals) throw new VitalSignsNotFound();
    return toVitalSignsDto(vitals);
  }

  /** Creates the appointment's set, or replaces it whole. */
  async recordVitalSigns(appointmentId: string, body: RecordVitalSignsDto, ifMatch: string | undefined): Promise<RecordedVitalSigns> {
    const appointment = await this.appointments.findAppointmentOrFail(appointmentId);
    if (appointment.status === 'cancelled' || appointment.status === 'no_show') throw new VitalSignsForAbsentVisit(appointment.status);
    const values = valuesFrom(body);
    if (ifMatch !== undefined && ifMatch.trim() !== '*') {
      // If-Match names the set the client read: with no set yet, nothing can match it.
      const current = await this.vitalSigns.findVitalSigns(appointment.id);
      if (!current) throw new StaleWrite();
      assertFresh(ifMatch, toVitalSignsDto(current));
    }
    const { vitals, created } = await this.vitalSigns.replaceVitalSigns(appointment.id, values);
    return { vitals: toVitalSignsDto(vitals), created };
  }

  async listPatientVitalSigns(patientId: string, page: PageQueryDto): Promise<Page<VitalSignsDto>> {
    const patient = await this.patients.findPatientOrFail(patientId);
    const rows = await this.vitalSigns.listPatientVitalSigns(patient.id, instantKeyAfter(page.cursor), page.limit + 1);
    return toPage(rows, page.limit, (row) => instantKeyOf(row.recordedAt, row.id), toVitalSignsDto);
  }
}
