import type { ProviderRole } from '../auth/provider-role.js';

// Who may do what with visit notes (records, amendments, symptoms, prescriptions):
//   clinician  reads and writes everything: drafts, signing, amendments, symptoms, prescriptions
//   admin      reads only (audits, disputes); never writes a clinical note
//   staff      nothing here (403): the front desk sees the chart without the notes (chart/)

export const RECORD_READERS: ProviderRole[] = ['clinician', 'admin'];

export const RECORD_WRITERS: ProviderRole[] = ['clinician'];
