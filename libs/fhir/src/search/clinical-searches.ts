import { SYSTEM } from '../code-systems.js';
import { ALLERGY_CLINICAL_STATUS } from '../resources/allergy-intolerance.js';
import { type ConditionClinicalStatus, conditionStatusesFor } from '../resources/condition.js';
import { VITAL_SIGN_CODES, type VitalSignKind } from '../resources/vital-signs.js';
import type {
  AllergyIntoleranceCriteria,
  ConditionCriteria,
  EncounterCriteria,
  MedicationRequestCriteria,
  ObservationCriteria,
  PatientCompartmentCriteria,
} from './criteria.js';
import { dateRange, isEmptyRange } from './date-range.js';
import { MATCHES_NOTHING, type ResourceSearchDeclaration, SEARCH_PARAMETER, type SearchParameterDeclaration } from './declarations.js';
import { codesOf, patientReference, SearchProblem, tokens } from './values.js';

// Every search below is within one patient's chart: `patient` is required, so that no search lists
// several patients' clinical data at once (and each search's audit event names its one patient).

function patientParameter<Criteria extends PatientCompartmentCriteria>(): SearchParameterDeclaration<Criteria> {
  return {
    type: 'reference',
    definition: `${SEARCH_PARAMETER}/clinical-patient`,
    documentation: 'Required: the patient, as <id>, Patient/<id> or its URL on this server.',
    required: true,
    read: (criteria, [value], context) => {
      criteria.patientId = patientReference('patient', value, context.baseUrl);
    },
  };
}

function dateParameter<Criteria extends { date?: EncounterCriteria['date'] }>(compared: string): SearchParameterDeclaration<Criteria> {
  return {
    type: 'date',
    definition: `${SEARCH_PARAMETER}/clinical-date`,
    documentation: `${compared}: YYYY, YYYY-MM, YYYY-MM-DD (UTC days) or an instant with a time zone, with an optional ge, le or eq prefix; twice (ge and le) for a range.`,
    range: true,
    read: (criteria, values) => {
      criteria.date = dateRange('date', values, { allowTime: true });
      return isEmptyRange(criteria.date) ? MATCHES_NOTHING : undefined;
    },
  };
}

function finishCompartment<Criteria extends PatientCompartmentCriteria>(criteria: Partial<Criteria>): Criteria {
  if (criteria.patientId === undefined) throw new SearchProblem('patient: required');
  return criteria as Criteria;
}

export const ENCOUNTER_SEARCH: ResourceSearchDeclaration<EncounterCriteria> = {
  parameters: { patient: patientParameter(), date: dateParameter('The appointment start') },
  finish: finishCompartment,
};

const OBSERVATION_CATEGORIES = ['social-history', 'vital-signs', 'imaging', 'laboratory', 'procedure', 'survey', 'exam', 'therapy', 'activity'] as const;

/** The kinds of vital sign whose Observations carry LOINC `code` as their code. */
function kindsCoded(code: string): VitalSignKind[] {
  return [...VITAL_SIGN_CODES].filter(([, coded]) => coded.codes.some((coding) => coding.code === code)).map(([kind]) => kind);
}

export const OBSERVATION_SEARCH: ResourceSearchDeclaration<ObservationCriteria> = {
  parameters: {
    patient: patientParameter(),
    date: dateParameter('The visit time (effectiveDateTime)'),
    category: {
      type: 'token',
      definition: `${SEARCH_PARAMETER}/Observation-category`,
      documentation: `An observation-category code (${SYSTEM.observationCategory}); every Observation here is vital-signs.`,
      read: (_criteria, [value]) =>
        codesOf('category', value, SYSTEM.observationCategory, OBSERVATION_CATEGORIES).includes('vital-signs') ? undefined : MATCHES_NOTHING,
    },
    code: {
      type: 'token',
      definition: `${SEARCH_PARAMETER}/clinical-code`,
      documentation:
        'A LOINC code (optionally http://loinc.org|code): 85354-9 blood pressure, 8867-4, 9279-1, 8310-5, 2708-6 or 59408-5, 29463-7, 8302-2, 39156-5, 72514-3 pain.',
      read: (criteria, [value]) => {
        const kinds = tokens('code', value).flatMap((token) => {
          if (token.system !== undefined && token.system !== SYSTEM.loinc) throw new SearchProblem(`code: the system must be ${SYSTEM.loinc}`);
          if (!/^\d{1,7}-\d$/.test(token.code)) throw new SearchProblem('code: a LOINC code looks like 8867-4');
          return kindsCoded(token.code);
        });
        criteria.kinds = [...new Set(kinds)];
        return kinds.length === 0 ? MATCHES_NOTHING : undefined;
      },
    },
  },
  finish: finishCompartment,
};

const ALLERGY_CLINICAL_STATUSES = ['active', 'inactive', 'resolved'] as const;

export const ALLERGY_INTOLERANCE_SEARCH: ResourceSearchDeclaration<AllergyIntoleranceCriteria> = {
  parameters: {
    patient: patientParameter(),
    'clinical-status': {
      type: 'token',
      definition: `${SEARCH_PARAMETER}/AllergyIntolerance-clinical-status`,
      documentation: `active, inactive or resolved (${SYSTEM.allergyClinicalStatus}); every allergy on the chart is active.`,
      read: (_criteria, [value]) =>
        codesOf('clinical-status', value, SYSTEM.allergyClinicalStatus, ALLERGY_CLINICAL_STATUSES).includes(ALLERGY_CLINICAL_STATUS) ? undefined : MATCHES_NOTHING,
    },
  },
  finish: finishCompartment,
};

const CONDITION_CLINICAL_STATUSES: readonly ConditionClinicalStatus[] = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'];

export const CONDITION_SEARCH: ResourceSearchDeclaration<ConditionCriteria> = {
  parameters: {
    patient: patientParameter(),
    'clinical-status': {
      type: 'token',
      definition: `${SEARCH_PARAMETER}/Condition-clinical-status`,
      documentation: `A condition-clinical code (${SYSTEM.conditionClinicalStatus}): active (our active and controlled), remission, inactive, resolved; recurrence and relapse are not recorded.`,
      read: (criteria, [value]) => {
        criteria.statuses = conditionStatusesFor(codesOf('clinical-status', value, SYSTEM.conditionClinicalStatus, CONDITION_CLINICAL_STATUSES));
        return criteria.statuses.length === 0 ? MATCHES_NOTHING : undefined;
      },
    },
  },
  finish: finishCompartment,
};

export const MEDICATION_REQUEST_SEARCH: ResourceSearchDeclaration<MedicationRequestCriteria> = {
  parameters: { patient: patientParameter() },
  finish: finishCompartment,
};
