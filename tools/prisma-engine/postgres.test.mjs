// The parts of the PostgreSQL side that need no server. The rest (one transaction per migration,
// lock timeout, shadow databases, advisory lock) is tested through the real CLI in
// libs/db/test/migrate*.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import {
  CHAR_COLUMNS,
  configuredShadowError,
  connectionError,
  describePostgresError,
  failureLogs,
  markCharColumns,
  MIGRATION_LOGS_UPDATE,
  poolConfigFromUrl,
  shadowCreationError,
  withCharColumns,
} from './postgres.mjs';

describe('poolConfigFromUrl', () => {
  it('gives discrete settings (adapter-pg adds `database` for the shadow database; a connection string would win)', () => {
    const config = poolConfigFromUrl('postgresql://app:s%40cret@db.example:6543/clinic');
    assert.deepEqual(config, { host: 'db.example', port: 6543, user: 'app', password: 's@cret', database: 'clinic' });
    assert.equal('connectionString' in config, false);
  });

  it('fills the defaults', () => {
    const config = poolConfigFromUrl('postgres://localhost');
    assert.equal(config.port, 5432);
    assert.equal(config.database, 'postgres');
    assert.equal(config.password, undefined);
  });

  it('turns ?schema= into the search_path', () => {
    assert.equal(poolConfigFromUrl('postgresql://u@h/db?schema=clinic').options, '-c search_path="clinic"');
  });

  it('is P1012 without a url', () => {
    assert.throws(() => poolConfigFromUrl(undefined), (error) => error.code === 'P1012');
  });
});

describe('connectionError', () => {
  const config = { host: 'h', port: 5432, user: 'u', database: 'd' };
  it("maps PostgreSQL's and the socket's codes to Prisma's", () => {
    assert.equal(connectionError({ code: '3D000' }, config).code, 'P1003');
    assert.match(connectionError({ code: '3D000' }, config).message, /Database `d` does not exist on the database server at `h:5432`/);
    assert.equal(connectionError({ code: '28P01' }, config).code, 'P1000');
    assert.equal(connectionError({ code: 'ECONNREFUSED' }, config).code, 'P1001');
    assert.equal(connectionError({ code: 'ENOTFOUND' }, config).code, 'P1001');
  });
  it('passes other errors through', () => {
    const error = { code: '42601' };
    assert.equal(connectionError(error, config), error);
  });
});

describe('the "char" (OID 18) columns of pg_catalog', () => {
  const pgResult = () => ({
    fields: [{ name: 'conname', dataTypeID: 19 }, { name: 'contype', dataTypeID: 18 }],
    rows: [['p_chk', 'c']],
  });

  it('pass adapter-pg as text and are noted on the rows', () => {
    const result = markCharColumns(pgResult());
    assert.deepEqual(result.fields.map((field) => field.dataTypeID), [19, 25]);
    assert.deepEqual(result.rows[CHAR_COLUMNS], [1]);
    assert.deepEqual(Object.keys(result.rows), ['0'], 'the note is not an enumerable row');
  });

  it('leaves results without such a column alone, and handles multi-statement results', () => {
    const plain = { fields: [{ name: 'x', dataTypeID: 25 }], rows: [] };
    assert.equal(markCharColumns(plain).rows[CHAR_COLUMNS], undefined);
    const [first, second] = markCharColumns([pgResult(), plain]);
    assert.deepEqual(first.rows[CHAR_COLUMNS], [1]);
    assert.equal(second.rows[CHAR_COLUMNS], undefined);
    assert.equal(markCharColumns(undefined), undefined);
  });

  it('reach the engine as the Character column type, in transactions too', async () => {
    const resultSet = () => {
      const rows = [['p_chk', 'c']];
      Object.defineProperty(rows, CHAR_COLUMNS, { value: [1] });
      return { columnNames: ['conname', 'contype'], columnTypes: [ColumnTypeEnum.Text, ColumnTypeEnum.Text], rows };
    };
    const transaction = { queryRaw: async () => resultSet() };
    const adapter = withCharColumns({ queryRaw: async () => resultSet(), startTransaction: async () => transaction });
    assert.deepEqual((await adapter.queryRaw({ sql: 'SELECT …' })).columnTypes, [ColumnTypeEnum.Text, ColumnTypeEnum.Character]);
    const tx = await adapter.startTransaction();
    assert.deepEqual((await tx.queryRaw({ sql: 'SELECT …' })).columnTypes, [ColumnTypeEnum.Text, ColumnTypeEnum.Character]);
  });
});

describe('the failure written to the history row', () => {
  it("is PostgreSQL's code and message, with detail and hint", () => {
    const failure = describePostgresError(Object.assign(new Error('insert or update violates foreign key'), { code: '23503', detail: 'Key (x)=(1) is not present.', hint: 'Add it first.' }));
    assert.deepEqual(failure, { code: '23503', message: 'insert or update violates foreign key\nDETAIL: Key (x)=(1) is not present.\nHINT: Add it first.' });
    assert.equal(failureLogs(failure), `Database error code: 23503\n\nDatabase error:\n${failure.message}\n`);
    assert.equal(describePostgresError(new Error('socket hang up')).code, 'unknown');
  });

  it("replaces the engine's text in the engine's own UPDATE of `logs` only", () => {
    assert.match('UPDATE "_prisma_migrations" SET "logs" = $1 WHERE "id" = $2', MIGRATION_LOGS_UPDATE);
    assert.match('UPDATE "clinic"."_prisma_migrations" SET "logs" = $1 WHERE "id" = $2', MIGRATION_LOGS_UPDATE);
    assert.doesNotMatch('UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = $1 WHERE "id" = $2', MIGRATION_LOGS_UPDATE);
    assert.doesNotMatch('UPDATE "patients" SET "logs" = $1', MIGRATION_LOGS_UPDATE);
  });
});

describe('shadow database errors', () => {
  const config = { host: 'db.example', port: 5432, user: 'clinic_app', database: 'clinic' };
  const oneLine = (error) => assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);

  it('a role without CREATEDB: P3014, naming the role and SHADOW_DATABASE_URL', () => {
    const error = shadowCreationError(Object.assign(new Error('permission denied to create database'), { code: '42501' }), config);
    assert.equal(error.code, 'P3014');
    assert.match(error.message, /role "clinic_app" may not create one \(no CREATEDB right\): set SHADOW_DATABASE_URL to an empty database/);
    oneLine(error);
  });

  it('another failure to create it: P3014 with the reason, still one line', () => {
    const error = shadowCreationError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), config);
    assert.equal(error.code, 'P3014');
    assert.match(error.message, /could not create its shadow database on db.example:5432 \(Can't reach database server at `db.example:5432`\): set SHADOW_DATABASE_URL/);
    oneLine(error);
  });

  it('a configured shadow database that is missing, refuses the role, or is unreachable', () => {
    const missing = configuredShadowError(Object.assign(new Error('database "x" does not exist'), { code: '3D000' }), { ...config, database: 'clinic_shadow' });
    assert.equal(missing.code, 'P1003');
    assert.equal(missing.message, 'The shadow database SHADOW_DATABASE_URL names ("clinic_shadow" on db.example:5432) does not exist: create it (empty), or correct SHADOW_DATABASE_URL.');
    assert.equal(configuredShadowError(Object.assign(new Error('auth'), { code: '28P01' }), config).code, 'P1000');
    assert.equal(configuredShadowError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), config).code, 'P1001');
    const other = configuredShadowError(Object.assign(new Error('must be owner of schema public'), { code: '42501' }), config);
    assert.match(other.message, /cannot be used: must be owner of schema public\. It must be an empty database this role owns\./);
    [missing, other].forEach(oneLine);
  });
});
