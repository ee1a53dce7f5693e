import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface RegisteredRoute {
  method: string;
  /** In OpenAPI's form: `/api/v1/patients/{id}`. */
  path: string;
}

const routesByApp = new WeakMap<object, RegisteredRoute[]>();

// Served by Swagger itself, not part of the API.
const OWN_ROUTES = /^\/docs/;

/**
 * Records every route Fastify registers, so a test can hold the OpenAPI document to exactly what
 * exists. Must be called before the application initialises its routes.
 */
export function recordRoutes(app: NestFastifyApplication): void {
  const routes: RegisteredRoute[] = [];
  routesByApp.set(app, routes);
  app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS' || OWN_ROUTES.test(route.url)) continue;
      routes.push({ method: method.toLowerCase(), path: route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}') });
    }
  });
}

export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  return routesByApp.get(app) ?? [];
}
