import type { ProviderRole } from '../auth/provider-role.js';

// Who may do what with the schedule and the visit. The front desk (staff) books, moves, checks in,
// cancels and marks no-shows, and takes vital signs at intake; starting and completing a visit is
// the clinician's act. Admins manage accounts: they may read the schedule but not change it.

/** Reading appointments and vital signs. */
export const SCHEDULE_READERS: ProviderRole[] = ['admin', 'clinician', 'staff'];

/** Booking and moving appointments; check-in, cancel, no-show; recording vital signs. */
export const FRONT_DESK: ProviderRole[] = ['clinician', 'staff'];

/** Starting and completing a visit. */
export const VISIT_CLINICIANS: ProviderRole[] = ['clinician'];
