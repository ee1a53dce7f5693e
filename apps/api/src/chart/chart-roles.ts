import type { ProviderRole } from '../auth/provider-role.js';

// Everyone who works a chart reads it; only those who read notes see the notes in it.
//   clinician, admin  the whole chart, with each recent visit's chief complaint and diagnosis and
//                     each prescription's indication and override reason
//   staff             the chart without notes: demographics, allergies, active conditions, the
//                     visits (date, type, status, whether a record exists and is signed), latest
//                     vitals and the medication list (for refill calls), never a note's text

export const CHART_VIEWERS: ProviderRole[] = ['clinician', 'admin', 'staff'];

export const NOTE_READERS: readonly ProviderRole[] = ['clinician', 'admin'];
