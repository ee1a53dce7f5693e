import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

// A typed client of the clinic API: the paths, parameters, bodies and answers of every route come
// from src/schema.ts, which openapi-typescript generates from the API's committed contract
// (apps/api/openapi.json; `nx run api-client:generate`).

export type { components, operations, paths } from './schema.js';

/** The API's named schemas: `Schemas['PatientDto']`, `Schemas['ErrorResponseDto']` … */
export type Schemas = components['schemas'];

export type ClinicClient = Client<paths>;

/**
 * The signed-in provider's access token: a fixed one, or a function asked before every request
 * (an app that refreshes its tokens answers with the current one). No token, no Authorization
 * header: the public routes (sign-in, refresh, health) need none.
 */
export type AccessTokenSource = { accessToken?: string } | { getAccessToken: () => string | undefined | Promise<string | undefined> };

export interface ClinicClientOptions {
  /** Instead of the global fetch (tests, instrumentation). */
  fetch?: (request: Request) => Promise<Response>;
}

function bearerToken(source: AccessTokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const token = 'getAccessToken' in source ? await source.getAccessToken() : source.accessToken;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}

/**
 * `createClinicClient('https://clinic.example.org', { accessToken })`, then
 * `client.GET('/api/v1/patients/{id}', { params: { path: { id } } })`: each call answers
 * `{ data }` on success or `{ error }` with the API's error body, and `response` either way.
 */
export function createClinicClient(baseUrl: string, auth: AccessTokenSource = {}, options: ClinicClientOptions = {}): ClinicClient {
  const client = createClient<paths>({ baseUrl, ...(options.fetch && { fetch: options.fetch }) });
  client.use(bearerToken(auth));
  return client;
}
