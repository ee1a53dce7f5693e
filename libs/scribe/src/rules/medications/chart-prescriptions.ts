import { type ExtractedPrescription, NOT_STATED } from '../../extraction/extraction.js';
import { EXTRACTION_LIMITS } from '../../extraction/limits.js';
import { describeStrength } from '../parse/amounts.js';
import { describeFrequency } from '../parse/frequency.js';
import { clip } from '../text/clip.js';
import type { PrescriptionDraft } from './find-prescriptions.js';

// A prescription as charted, with directions written out from what was said: "Take 1 capsule by
// mouth twice daily for 10 days. With food." Nothing that was not said is filled in; required
// columns that were not said read "not stated".

const TOPICAL = /cream|ointment|gel|lotion|foam|wash|shampoo/;

function verbFor(form: string | null, route: string | null): string {
  if (form?.includes('inhal') || route === 'by inhalation') return 'Inhale';
  if (form?.includes('nasal') || route === 'in each nostril') return 'Spray';
  if (form?.includes('drops') || form?.includes('ophthalmic') || route?.includes('eye') || route?.includes('ear')) return 'Instil';
  if ((form && TOPICAL.test(form)) || form === 'patch' || route === 'to the affected area') return 'Apply';
  if (route === 'by injection' || form === 'injection' || form === 'auto-injector') return 'Inject';
  if (route === 'on the tongue') return 'Dissolve';
  return 'Take';
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function inRange(value: number | null, range: { min: number; max: number }): number | null {
  return value !== null && Number.isInteger(value) && value >= range.min && value <= range.max ? value : null;
}

export function chartPrescription(draft: PrescriptionDraft): ExtractedPrescription {
  const { regimen, entry, form } = draft;
  const strength = regimen.strength ? describeStrength(regimen.strength) : regimen.bareStrength !== null ? `${regimen.bareStrength} ${entry.unit ?? 'mg'}` : null;
  const massOnly = regimen.strength && !regimen.strength.per && regimen.strength.unit !== '%';
  const dosage = regimen.dose?.text ?? (massOnly ? strength : null);
  const frequency = regimen.frequency ? describeFrequency(regimen.frequency) || null : null;
  const route = regimen.directions.route;

  const directions = [verbFor(form, route), dosage, route, frequency, regimen.duration ? `for ${regimen.duration}` : null].filter(Boolean);
  const instructions = [
    directions.length > 1 ? `${directions.join(' ')}.` : `${directions[0]} as directed.`,
    ...regimen.directions.advice.map((advice) => `${sentenceCase(advice)}.`),
  ].join(' ');

  const name = form && !entry.name.toLowerCase().includes(form.toLowerCase()) ? `${entry.name} ${form}` : entry.name;
  const short = (text: string | null) => (text ? clip(text, EXTRACTION_LIMITS.shortText) : null);
  return {
    medicationName: clip(name, EXTRACTION_LIMITS.shortText),
    strength: short(strength) ?? NOT_STATED,
    dosage: short(dosage) ?? NOT_STATED,
    frequency: short(frequency) ?? NOT_STATED,
    duration: short(regimen.duration),
    quantity: inRange(regimen.supply.quantity, EXTRACTION_LIMITS.quantity),
    refills: inRange(regimen.supply.refills, EXTRACTION_LIMITS.refills),
    instructions: clip(instructions, EXTRACTION_LIMITS.instructions),
    indication: short(regimen.indication),
  };
}
