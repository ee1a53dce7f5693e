import type { AuditEntry } from '../../audit/audit-event.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import type { AuditResourceType } from '../audit-vocabulary.js';
import { entryKeyOf, instantKeyAfter } from '../cursors.js';
import { type DomainError, StaleWrite } from '../domain-error.js';
import { assertFresh } from '../etag.js';
import { type Page, type PageQueryDto, toPage } from '../pagination.js';
import type { EntryRow, EntryTable } from './entry-table.js';

type AuditAction = AuditEntry['action'];

/** What entries hang off: a patient's chart, or a visit's note. */
export interface EntryParent {
  id: string;
  /** The patient whose chart it is: every event of its entries is recorded under them. */
  patientId: string;
}

/** What is being attempted when a parent is looked up, for the trail of its 404. */
export interface EntryAttempt {
  action: AuditAction;
  resourceType: AuditResourceType;
  entryId: string | null;
}

/** How one kind of parent behaves; the patients and records features each provide theirs. */
export interface EntryParents<P extends EntryParent> {
  /** The parent named by the path, or null. */
  find(parentId: string): Promise<P | null>;
  /** Records an attempt through a parent id that is nobody's, in the parent's own words. */
  recordMissing(parentId: string, attempt: EntryAttempt): Promise<void>;
  /** The 404 of a parent that is not there. */
  notFound(): DomainError;
  /** Entries change only under a parent that takes changes (a note still a draft): throws otherwise. */
  assertWritable(parent: P): void;
  /** The resourceId of a list's read event: the note for a note's lists, none for a chart's. */
  listResourceId(parent: P): string | null;
  /** The patient of another parent, for the trail of an entry id tried through the wrong path. */
  patientOf(parentId: string): Promise<string | null>;
}

/** One kind of entry: its table, its words in the trail, its response and its 404. */
export interface EntryKind<Row extends EntryRow, Dto> {
  table: EntryTable<Row>;
  resourceType: AuditResourceType;
  listResourceType: AuditResourceType;
  toDto(row: Row): Dto;
  notFound(): DomainError;
}

/**
 * The routes every kind of entry shares — list, record, read, correct, remove — with their audit
 * trail, If-Match and nested-parent checks, written once for allergies, conditions, symptoms and
 * prescriptions. Each feature's service composes one and keeps its own rules (the allergy check,
 * dates before birth, a condition's status) in its own code, passed in as the body builders.
 */
export class ChartEntries<P extends EntryParent, Row extends EntryRow, Dto> {
  constructor(
    private readonly parents: EntryParents<P>,
    private readonly kind: EntryKind<Row, Dto>,
    private readonly audit: AuditTrail,
  ) {}

  /** One page; one read event under the patient, for the list the caller saw (even an empty one). */
  async list(parentId: string, page: PageQueryDto, filter: Record<string, unknown> = {}): Promise<Page<Dto>> {
    const parent = await this.parentOrFail(parentId, { action: 'read', resourceType: this.kind.listResourceType, entryId: null });
    const rows = await this.kind.table.list(parent.id, instantKeyAfter(page.cursor), page.limit + 1, filter);
    const listed = toPage(rows, page.limit, entryKeyOf, this.kind.toDto);
    await this.audit.record({
      action: 'read',
      resourceType: this.kind.listResourceType,
      resourceId: this.parents.listResourceId(parent),
      patientId: parent.patientId,
      patientIds: [parent.patientId],
    });
    return listed;
  }

  /** `build` makes the new row from the body, applying the feature's own rules (it may throw 400 or 409). */
  async create(parentId: string, build: (parent: P) => object | Promise<object>): Promise<Dto> {
    const parent = await this.parentOrFail(parentId, { action: 'create', resourceType: this.kind.resourceType, entryId: null });
    this.parents.assertWritable(parent);
    const created = await this.kind.table.create(await build(parent), { patientId: parent.patientId });
    return this.kind.toDto(created);
  }

  async get(parentId: string, id: string): Promise<Dto> {
    const [, entry] = await this.findEntry(parentId, id, 'read');
    await this.recordRead(entry.patientId, id);
    return this.kind.toDto(entry.row);
  }

  /**
   * `changesOf` turns the body into the columns to change, applying the feature's rules with the
   * entry as it stands. A refused precondition (412), invalid input (400) or a rule's refusal
   * records nothing here: nothing was shown or changed. No change at all is a read. `action` is
   * the trail's word for the change (`update`, or a review's `accept` / `reject`).
   */
  async correct(
    parentId: string,
    id: string,
    ifMatch: string | undefined,
    changesOf: (parent: P, current: Row) => object | Promise<object>,
    action: AuditAction = 'update',
  ): Promise<Dto> {
    const [parent, { row: current }] = await this.findEntry(parentId, id, action);
    this.parents.assertWritable(parent);
    assertFresh(ifMatch, this.kind.toDto(current));
    const changes = await changesOf(parent, current);
    if (Object.keys(changes).length === 0) {
      await this.recordRead(parent.patientId, id);
      return this.kind.toDto(current);
    }
    // Recorded by the table with the change; a lost race (null) records nothing.
    const updated = await this.kind.table.update(current, changes, { patientId: parent.patientId }, action);
    if (!updated) throw new StaleWrite();
    return this.kind.toDto(updated);
  }

  /** `assertRemovable` is the feature's own rule on the entry as it stands (it may throw 409). */
  async remove(parentId: string, id: string, assertRemovable: (current: Row) => void = () => undefined): Promise<void> {
    const [parent, { row: current }] = await this.findEntry(parentId, id, 'archive');
    this.parents.assertWritable(parent);
    assertRemovable(current);
    // Recorded by the table with the removal, when there was one.
    if (!(await this.kind.table.delete(parent.id, id, { patientId: parent.patientId }))) await this.refuseMissing(parent, id, 'archive');
  }

  private async findEntry(parentId: string, id: string, action: AuditAction): Promise<[P, { row: Row; patientId: string }]> {
    const parent = await this.parentOrFail(parentId, { action, resourceType: this.kind.resourceType, entryId: id });
    const row = await this.kind.table.find(parent.id, id);
    if (!row) return this.refuseMissing(parent, id, action);
    return [parent, { row, patientId: parent.patientId }];
  }

  /**
   * The parent in the path, or its 404. When the path names an entry that exists under another
   * parent, the attempt is recorded as denied (refuseMissing), whatever the path's parent; otherwise
   * the parent records its own failure.
   */
  private async parentOrFail(parentId: string, attempt: EntryAttempt): Promise<P> {
    const parent = await this.parents.find(parentId);
    if (parent) return parent;
    if (!(attempt.entryId !== null && (await this.recordIfElsewhere(parentId, attempt.entryId, attempt.action)))) {
      await this.parents.recordMissing(parentId, attempt);
    }
    throw this.parents.notFound();
  }

  /**
   * A 404 for an entry that is not under this parent, recorded before it is thrown (the answer
   * stays a plain 404): `denied` when the id is another parent's (an attempt at a chart the path
   * does not give), under the patient it belongs to — that patient's audit view shows it; `failed`
   * when the id is nobody's, under the path's patient.
   */
  private async refuseMissing(parent: P, id: string, action: AuditAction): Promise<never> {
    if (!(await this.recordIfElsewhere(parent.id, id, action))) {
      await this.audit.record({ action, resourceType: this.kind.resourceType, resourceId: id, patientId: parent.patientId, outcome: 'failed' });
    }
    throw this.kind.notFound();
  }

  /** Records a `denied` attempt, under the owner's patient, when the entry exists under another parent. */
  private async recordIfElsewhere(pathParentId: string, id: string, action: AuditAction): Promise<boolean> {
    const owner = await this.kind.table.parentOf(id);
    const patientId = owner !== null && owner !== pathParentId ? await this.parents.patientOf(owner) : null;
    if (patientId === null) return false;
    await this.audit.record({ action, resourceType: this.kind.resourceType, resourceId: id, patientId, outcome: 'denied' });
    return true;
  }

  private recordRead(patientId: string, id: string): Promise<void> {
    return this.audit.record({ action: 'read', resourceType: this.kind.resourceType, resourceId: id, patientId });
  }
}
