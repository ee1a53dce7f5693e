import { SYSTEM } from '../code-systems.js';
import type { SexCode } from '../sources.js';
import type { PatientCriteria, TelecomMatch } from './criteria.js';
import { dateRange, isEmptyRange } from './date-range.js';
import { MATCHES_NOTHING, type ResourceSearchDeclaration, SEARCH_PARAMETER, type SearchParameterDeclaration } from './declarations.js';
import { codesOf, SearchProblem, stringAlternatives, tokens } from './values.js';

// The REST API's patient search refuses terms under two characters; FHIR's does the same.
const NAME_LENGTHS = { min: 2, max: 100 };

function nameParameter(field: 'name' | 'family' | 'given', definition: string, documentation: string): SearchParameterDeclaration<PatientCriteria> {
  return {
    type: 'string',
    definition,
    documentation,
    read: (criteria, [value]) => {
      criteria[field] = stringAlternatives(field, value, NAME_LENGTHS);
    },
  };
}

const CONTACT_POINT_SYSTEMS = ['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other'] as const;

/** `phone|…`, `email|…`, or a bare value: an email when it has an @, else a phone number's digits. */
function telecomMatch(system: string | undefined, value: string): TelecomMatch | null {
  if (system !== undefined && !(CONTACT_POINT_SYSTEMS as readonly string[]).includes(system)) {
    throw new SearchProblem(`telecom: the system must be one of ${CONTACT_POINT_SYSTEMS.join(', ')}`);
  }
  const email = system === 'email' || (system === undefined && value.includes('@'));
  if (email) {
    const address = value.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) throw new SearchProblem('telecom: an email address must look like name@domain');
    return { system: 'email', address };
  }
  if (system !== undefined && system !== 'phone') return null; // no fax, pager … is recorded
  const digits = value.replace(/\D/g, '');
  if (digits.length < 4 || digits.length > 20 || /[^\d\s()+.-]/.test(value)) {
    throw new SearchProblem('telecom: a phone number has 4 to 20 digits (spaces, dashes, dots, brackets and + allowed)');
  }
  return { system: 'phone', digits };
}

const GENDERS = ['male', 'female', 'other', 'unknown'] as const;

export const PATIENT_SEARCH: ResourceSearchDeclaration<PatientCriteria> = {
  parameters: {
    name: nameParameter('name', `${SEARCH_PARAMETER}/Patient-name`, 'Family or given name starts with the value (any of a comma list); case and accents ignored; at least 2 characters.'),
    family: nameParameter('family', `${SEARCH_PARAMETER}/individual-family`, 'Family name starts with the value; case and accents ignored; at least 2 characters.'),
    given: nameParameter('given', `${SEARCH_PARAMETER}/individual-given`, 'Given name starts with the value; case and accents ignored; at least 2 characters.'),
    birthdate: {
      type: 'date',
      definition: `${SEARCH_PARAMETER}/individual-birthdate`,
      documentation: 'Date of birth: YYYY, YYYY-MM or YYYY-MM-DD with an optional ge, le or eq prefix; twice (ge and le) for a range.',
      range: true,
      read: (criteria, values) => {
        criteria.birthDate = dateRange('birthdate', values, { allowTime: false });
        return isEmptyRange(criteria.birthDate) ? MATCHES_NOTHING : undefined;
      },
    },
    gender: {
      type: 'token',
      definition: `${SEARCH_PARAMETER}/individual-gender`,
      documentation: `male, female, other or unknown (system ${SYSTEM.administrativeGender}); the chart records no "unknown".`,
      read: (criteria, [value]) => {
        const sexes = codesOf('gender', value, SYSTEM.administrativeGender, GENDERS).filter((code): code is SexCode => code !== 'unknown');
        criteria.sex = sexes;
        return sexes.length === 0 ? MATCHES_NOTHING : undefined;
      },
    },
    telecom: {
      type: 'token',
      definition: `${SEARCH_PARAMETER}/individual-telecom`,
      documentation: 'phone|<number> (digits compared, formatting ignored), email|<address> (case ignored), or a bare number or address.',
      read: (criteria, [value]) => {
        const matches = tokens('telecom', value)
          .map((token) => telecomMatch(token.system, token.code))
          .filter((match): match is TelecomMatch => match !== null);
        criteria.telecom = matches;
        return matches.length === 0 ? MATCHES_NOTHING : undefined;
      },
    },
    active: {
      type: 'token',
      definition: `${SEARCH_PARAMETER}/Patient-active`,
      documentation: 'true: patients in care; false: archived patients; true,false: both. Without it, archived patients are left out.',
      read: (criteria, [value]) => {
        const wanted = new Set(
          tokens('active', value).map((token) => {
            if (token.system !== undefined || (token.code !== 'true' && token.code !== 'false')) throw new SearchProblem('active: the value is true, false or true,false');
            return token.code;
          }),
        );
        criteria.archived = wanted.size === 2 ? 'include' : wanted.has('false') ? 'only' : 'exclude';
      },
    },
  },
  finish: (criteria) => ({ ...criteria, archived: criteria.archived ?? 'exclude' }),
};
