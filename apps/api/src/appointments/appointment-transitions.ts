import type { AppointmentStatus } from '@clinic/db';

// The only moves an appointment's status makes, each through its own action route:
//   scheduled → checked_in → in_progress → completed
//   scheduled | checked_in → cancelled
//   scheduled → no_show
// Anything else (including repeating a move already made) is a 409 that changes nothing.

export const APPOINTMENT_ACTIONS = {
  'check-in': { from: ['scheduled'], to: 'checked_in', verb: 'check in' },
  start: { from: ['checked_in'], to: 'in_progress', verb: 'start' },
  complete: { from: ['in_progress'], to: 'completed', verb: 'complete' },
  cancel: { from: ['scheduled', 'checked_in'], to: 'cancelled', verb: 'cancel' },
  'no-show': { from: ['scheduled'], to: 'no_show', verb: 'mark as no-show' },
} as const satisfies Record<string, { from: readonly AppointmentStatus[]; to: AppointmentStatus; verb: string }>;

export type AppointmentAction = keyof typeof APPOINTMENT_ACTIONS;
