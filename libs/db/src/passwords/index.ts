// Password hashing and policy, shared by the API's sign-in and the seeds.
export { DEVELOPMENT_PASSWORD, isPlausibleEmail, MINIMUM_PASSWORD_LENGTH, passwordWeaknesses } from './password-policy.js';
export { hashPassword, verifyPassword } from './passwords.js';
