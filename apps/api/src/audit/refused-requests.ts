import { Injectable, Logger } from '@nestjs/common';
import type { AuditAction, AuditOutcome } from '@clinic/db';
import { isUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { accessOf, type PatientVia, routeKeyOf } from '../identity/access-table.js';
import { providerOf } from '../identity/authenticated-provider.js';
import { contextOfRequest } from './audit-context.js';
import type { AuditEntry } from './audit-event.js';
import { AuditTrail } from './audit-trail.js';
import { PatientLookups } from './patient-lookups.js';

/**
 * The action a refused request attempted, by method: GET/HEAD read, except a FHIR $everything
 * (export); PUT/PATCH update; DELETE archive; POST create, except a record's signature (sign), an amendment (amend), and an
 * appointment's moves (check-in, start, complete, cancel, no-show), which update it.
 */
function attemptedAction(method: string, route: string): AuditAction {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return route.endsWith('/$everything') ? 'export' : 'read';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'archive';
    default:
      if (route.endsWith('/sign')) return 'sign';
      if (route.endsWith('/amendments')) return 'amend';
      if (/^\/api\/v1\/appointments\/\{id\}\/[a-z-]+$/.test(route) && !route.endsWith('/vitals')) return 'update';
      return 'create';
  }
}

const uuidOrNull = (value: string | undefined) => (value !== undefined && isUUID(value) ? value : null);

/** What a refused request attempted, before its patient is looked up. */
export interface RefusedAttempt {
  action: AuditAction;
  resourceType: AuditEntry['resourceType'];
  resourceId: string | null;
  /** Where its patient comes from: a patient id, or an appointment or record id to look up. */
  patientFrom: { via: PatientVia; id: string } | null;
}

/**
 * The attempt a request on a route of patient data made, in the words the access table gives the
 * route (RouteAudit); null for any other route. `url` is the registered path
 * (`/api/v1/patients/:id/allergies/:allergyId`), `params` the request's values for it. Ids that
 * are not UUIDs are left out (the route answers 400 to them anyway).
 */
export function describeAttempt(method: string, url: string, params: Readonly<Record<string, string | undefined>>): RefusedAttempt | null {
  const verb = method === 'HEAD' ? 'GET' : method.toUpperCase();
  const route = routeKeyOf(verb, url);
  const audit = accessOf(route)?.audit;
  if (!audit) return null;
  const patientId = audit.patient ? uuidOrNull(params[audit.patient.param]) : null;
  return {
    action: attemptedAction(verb, route.slice(verb.length + 1)),
    resourceType: audit.resource,
    resourceId: audit.idParam ? uuidOrNull(params[audit.idParam]) : null,
    patientFrom: audit.patient && patientId ? { via: audit.patient.via, id: patientId } : null,
  };
}

/**
 * Requests to routes of patient data that were refused or failed — 401 without a valid token,
 * 403 by role, 400 invalid input, 429 throttled, 500 — leave an event too, in the same words a
 * served request would (the access table's RouteAudit): a patient's audit view shows every
 * attempt on their chart, served or not. Ids come from the path, and only when they are UUIDs;
 * the patient behind an appointment or record id is looked up (PatientLookups).
 */
@Injectable()
export class RefusedRequests {
  private readonly logger = new Logger(RefusedRequests.name);

  constructor(
    private readonly trail: AuditTrail,
    private readonly patients: PatientLookups,
  ) {}

  /** The event a refused request leaves, or null when its route is no patient data's. */
  async eventOf(request: FastifyRequest, outcome: AuditOutcome): Promise<AuditEntry | null> {
    const attempt = describeAttempt(request.method, request.routeOptions.url ?? '', (request.params ?? {}) as Record<string, string | undefined>);
    if (!attempt) return null;
    const { patientFrom, ...event } = attempt;
    const patientId = patientFrom ? await this.patients.patientOf(patientFrom.via, patientFrom.id) : null;
    return { ...event, patientId, outcome };
  }

  /**
   * Records the refusal. It never turns the answer into another one: when the trail itself cannot
   * be written (the database is away: that is often why the request failed), the refusal is
   * logged instead.
   */
  async record(request: FastifyRequest, outcome: AuditOutcome): Promise<void> {
    try {
      const event = await this.eventOf(request, outcome);
      if (event) await this.trail.record(event, { actorId: providerOf(request)?.id ?? null, context: contextOfRequest(request) });
    } catch (error) {
      this.logger.warn(`a refused request could not be recorded in the audit trail (${error instanceof Error ? error.name : 'error'})`);
    }
  }
}
