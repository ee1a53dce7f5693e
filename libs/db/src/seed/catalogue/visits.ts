import { CHILDREN_VISITS } from './visits-children.js';
import { CHRONIC_CARE_VISITS } from './visits-chronic.js';
import { EVERYDAY_VISITS } from './visits-everyday.js';
import type { VisitScenario } from './visit-scenario.js';
import { WELLNESS_VISITS } from './visits-wellness.js';

export type { SymptomTemplate, VisitScenario, VisitVitals } from './visit-scenario.js';

/** Every kind of visit the seeded clinic charts. */
export const VISIT_SCENARIOS: readonly VisitScenario[] = [...EVERYDAY_VISITS, ...CHILDREN_VISITS, ...WELLNESS_VISITS, ...CHRONIC_CARE_VISITS];
