import type { PrismaService } from '@clinic/db';
import type { AuditEntry } from '../../audit/audit-event.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import type { AuditTransaction } from '../../audit/audit.repository.js';
import type { InstantKey } from '../cursors.js';
import { type DatabaseRefusal, nullWhenMissing, translateRefusals } from '../database-errors.js';

/** An entry of a chart or of a visit note: an allergy, a condition, a symptom, a prescription. */
export interface EntryRow {
  id: string;
  createdAt: Date;
}

type Where = Record<string, unknown>;

/**
 * The calls EntryTable makes on a Prisma model delegate (prisma.allergy, tx.symptom …). Prisma's
 * own delegate types are generic per model; each feature hands its delegate over once, as this.
 */
export interface EntryDelegate<Row> {
  findMany(args: { where: Where; orderBy: Record<string, 'asc' | 'desc'>[]; take: number }): Promise<Row[]>;
  findFirst(args: { where: Where }): Promise<Row | null>;
  findUnique(args: { where: { id: string } }): Promise<Row | null>;
  create(args: { data: object }): Promise<Row>;
  update(args: { where: Where; data: object }): Promise<Row>;
  deleteMany(args: { where: Where }): Promise<{ count: number }>;
}

export interface EntryTableShape<Row> {
  /** The model's delegate, on the client or inside a transaction. */
  delegate(client: PrismaService | AuditTransaction): EntryDelegate<Row>;
  /** The column that names the parent: `patientId` for a chart's entries, `medicalRecordId` for a note's. */
  parentColumn: keyof Row & string;
  /**
   * The columns a client sees. These tables keep no updatedAt, so a conditional update compares
   * them all: it applies only if the entry still reads as the caller saw it.
   */
  versionColumns: readonly (keyof Row & string)[];
  /** The trail's word for one entry. */
  resourceType: AuditEntry['resourceType'];
  /** The database's refusals this table's writes answer with a domain error of their own (a signed note's guard). */
  refusals?: Partial<Record<DatabaseRefusal, () => Error>>;
}

/** Who the trail records a change under: the patient whose chart or note the entry is on. */
export interface EntryChange {
  patientId: string;
}

/**
 * The shape of a table of entries under a parent column: the feature names its delegate and
 * columns, the parent kind (a chart, a note) the rest.
 */
export function entryTableShape<Row>(
  parentColumn: keyof Row & string,
  resourceType: AuditEntry['resourceType'],
  delegate: EntryTableShape<Row>['delegate'],
  columns: readonly (keyof Row & string)[],
  refusals?: EntryTableShape<Row>['refusals'],
): EntryTableShape<Row> {
  return { delegate, parentColumn, versionColumns: [parentColumn, ...columns], resourceType, refusals };
}

/**
 * One table of entries hanging off a parent, for the feature repository that owns it: keyset
 * pages in the order entries were recorded, lookups only through their own parent, and changes
 * that commit with their audit event in one transaction or not at all. Used by composition: each
 * repository keeps its own class, table and words, and hands this its shape.
 */
export class EntryTable<Row extends EntryRow> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
    private readonly shape: EntryTableShape<Row>,
  ) {}

  /** One page in the order they were recorded, plus one row that only says whether another page follows. */
  list(parentId: string, after: InstantKey | undefined, take: number, filter: Where = {}): Promise<Row[]> {
    const afterKey = after ? { OR: [{ createdAt: { gt: after[0] } }, { createdAt: after[0], id: { gt: after[1] } }] } : {};
    return this.table().findMany({
      where: { [this.shape.parentColumn]: parentId, ...filter, ...afterKey },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  /** Only through its own parent: an entry of another chart or note is not found. */
  find(parentId: string, id: string): Promise<Row | null> {
    return this.table().findFirst({ where: { id, [this.shape.parentColumn]: parentId } });
  }

  /**
   * The parent holding this entry, whoever's it is; null when there is no such entry. Only for the
   * trail: it tells an id tried through another parent's path (denied) from one that is nobody's
   * (failed). Never shown to the caller.
   */
  async parentOf(id: string): Promise<string | null> {
    const row = await this.table().findUnique({ where: { id } });
    return row ? (row[this.shape.parentColumn] as string) : null;
  }

  create(data: object, change: EntryChange): Promise<Row> {
    return this.write(() =>
      this.prisma.$transaction(async (tx) => {
        const created = await this.table(tx).create({ data });
        await this.record(tx, 'create', created.id, change);
        return created;
      }),
    );
  }

  /**
   * Within the caller's transaction, which commits or rolls back this entry and its event with
   * whatever else it writes (the scribe's draft and all its items, for one).
   */
  async createWithin(tx: AuditTransaction, data: object, change: EntryChange): Promise<Row> {
    const created = await this.table(tx).create({ data });
    await this.record(tx, 'create', created.id, change);
    return created;
  }

  /**
   * Applies the changes only if the entry still reads as `current`; null (and nothing recorded)
   * when it does not. The event's action is `update` unless the change is an act of its own (a
   * review's `accept` or `reject`).
   */
  update(current: Row, changes: object, change: EntryChange, action: AuditEntry['action'] = 'update'): Promise<Row | null> {
    const asRead = Object.fromEntries(this.shape.versionColumns.map((column) => [column, current[column]]));
    return this.write(() =>
      nullWhenMissing(() =>
        this.prisma.$transaction(async (tx) => {
          const updated = await this.table(tx).update({ where: { id: current.id, ...asRead }, data: changes });
          await this.record(tx, action, current.id, change);
          return updated;
        }),
      ),
    );
  }

  /**
   * True when the entry was under this parent; then, and only then, the removal is recorded. The
   * trail has no `delete` action: a removal is recorded as `archive`, the action that means "taken
   * off the chart" (as for an archived patient), and not as `update`, which would read as a
   * correction of an entry that is still there. The event keeps the removed entry's id, which
   * outlives the row (the trail has no foreign keys).
   */
  delete(parentId: string, id: string, change: EntryChange): Promise<boolean> {
    return this.write(() =>
      this.prisma.$transaction(async (tx) => {
        const { count } = await this.table(tx).deleteMany({ where: { id, [this.shape.parentColumn]: parentId } });
        if (count === 0) return false;
        await this.record(tx, 'archive', id, change);
        return true;
      }),
    );
  }

  /** A write whose refusals the feature named become its own errors; the event rolls back with the write. */
  private write<T>(work: () => Promise<T>): Promise<T> {
    const refusals = this.shape.refusals;
    return refusals ? translateRefusals(work, refusals) : work();
  }

  private table(client: PrismaService | AuditTransaction = this.prisma): EntryDelegate<Row> {
    return this.shape.delegate(client);
  }

  private record(tx: AuditTransaction, action: AuditEntry['action'], id: string, change: EntryChange): Promise<void> {
    return this.audit.recordWithin(tx, { action, resourceType: this.shape.resourceType, resourceId: id, patientId: change.patientId });
  }
}
