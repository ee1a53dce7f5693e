import type { ProviderRole } from '../auth/provider-role.js';

// Who may do what with a chart. Front-desk staff register patients and keep their demographics
// current, and must see allergies and conditions (to warn, to book the right visit), but the
// clinical entries themselves are written by those who take the history: clinicians and admins.

/** Patients' demographics, search and archiving; reading allergies and conditions. */
export const CHART_READERS: ProviderRole[] = ['admin', 'clinician', 'staff'];

/** Recording, correcting and removing allergies and chronic conditions. */
export const CLINICAL_WRITERS: ProviderRole[] = ['admin', 'clinician'];
