import type { FastifyInstance } from 'fastify';

/**
 * The browser-hardening headers of every answer, computed once at start-up and set by one
 * onRequest hook. They are helmet's defaults (the set @fastify/helmet 13 sends), written out here
 * because the plugin rebuilt them on every request, a measurable share of a patient read's cost
 * (docs/performance.md). The policy lets Swagger UI at /docs run its inline bootstrap script and
 * styles; the API serves nothing else a browser renders.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' https: data:",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self' 'unsafe-inline'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    'upgrade-insecure-requests',
  ].join(';'),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

/**
 * Every answer of the API and of FHIR may carry patient data, or say something about it (a 404
 * tells an id is nobody's): no browser, proxy or CDN may keep a copy (Cache-Control: no-store;
 * Pragma for HTTP/1.0 caches). The docs and health probes hold none and stay cacheable.
 */
const PATIENT_DATA_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'cache-control': 'no-store',
  pragma: 'no-cache',
});

/** Paths whose answers may carry patient data, by prefix. */
export function carriesPatientData(url: string, apiPrefix: string): boolean {
  return url.startsWith(`/${apiPrefix}/`) || url.startsWith('/fhir/');
}

export function setSecurityHeaders(fastify: FastifyInstance, apiPrefix: string): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(carriesPatientData(request.url, apiPrefix) ? PATIENT_DATA_HEADERS : SECURITY_HEADERS);
    done();
  });
}
