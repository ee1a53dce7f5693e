import type { ProviderRole } from './provider-role.js';

/** Who sent a request, as their verified access token says. */
export interface AuthenticatedProvider {
  id: string;
  role: ProviderRole;
}

// Kept beside the request rather than on it: Fastify wants request properties declared up front
// (decorateRequest), and nothing but these helpers should read or write this one.
const providerByRequest = new WeakMap<object, AuthenticatedProvider>();

export function rememberProvider(request: object, provider: AuthenticatedProvider): void {
  providerByRequest.set(request, provider);
}

export function providerOf(request: object): AuthenticatedProvider | undefined {
  return providerByRequest.get(request);
}
