// The roles of the providers table, as the API names them. Admins manage provider accounts;
// clinicians and staff work with charts and the schedule (their rights are each feature's concern).
export const PROVIDER_ROLES = ['admin', 'clinician', 'staff'] as const;
export type ProviderRole = (typeof PROVIDER_ROLES)[number];
