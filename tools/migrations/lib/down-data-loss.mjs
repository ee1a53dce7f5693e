// What a down.sql would destroy: the tables and columns it drops or empties, and whether they
// hold anything. A rollback refuses to throw away patient data unless told to (--force).
import { splitSqlStatements, stripComments } from '../../prisma-engine/split-sql.mjs';

const NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QUALIFIED = String.raw`${NAME}(?:\s*\.\s*${NAME})?`;
const LIST = String.raw`${QUALIFIED}(?:\s*,\s*${QUALIFIED})*`;
// ALTER TABLE … DROP <word> that does not remove a column.
const NOT_A_COLUMN = new Set(['constraint', 'default', 'not', 'identity', 'expression']);

/** PostgreSQL's reading of an identifier: quoted as written, unquoted folded to lower case. */
function identifier(text) {
  return text.startsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text.toLowerCase();
}

function qualifiedName(text) {
  const parts = text.match(new RegExp(NAME, 'g')).map(identifier);
  return parts.length === 2 ? { schema: parts[0], table: parts[1] } : { table: parts[0] };
}

function splitList(text) {
  return text.match(new RegExp(QUALIFIED, 'g')).map(qualifiedName);
}

/** The drops and truncations of a script, as { table, schema?, column? } (no column: whole table). */
export function findDestructiveStatements(sql) {
  const found = [];
  for (const chunk of splitSqlStatements(sql)) {
    const statement = stripComments(chunk).trim();
    let match;
    if ((match = new RegExp(String.raw`^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(${LIST})`, 'i').exec(statement))) {
      found.push(...splitList(match[1]).map((name) => ({ ...name, statement })));
    } else if ((match = new RegExp(String.raw`^TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?(${LIST})`, 'i').exec(statement))) {
      found.push(...splitList(match[1]).map((name) => ({ ...name, statement })));
    } else if ((match = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QUALIFIED})\s+([\s\S]*)$`, 'i').exec(statement))) {
      const table = qualifiedName(match[1]);
      const actions = new RegExp(String.raw`(?:^|,)\s*DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(${NAME})`, 'gi');
      for (const action of match[2].matchAll(actions)) {
        const column = action[1];
        if (!column.startsWith('"') && NOT_A_COLUMN.has(column.toLowerCase())) continue;
        found.push({ ...table, column: identifier(column), statement });
      }
    }
  }
  return found;
}

/**
 * Of those, the ones that hold data now: a table with rows, a column with a value in any row.
 * Objects that do not exist (a DROP … IF EXISTS) hold nothing.
 */
export async function dataAtRisk(client, destructive) {
  const atRisk = [];
  for (const target of destructive) {
    const relation = [target.schema, target.table].filter(Boolean).map((part) => client.escapeIdentifier(part)).join('.');
    const { rows } = await client.query('SELECT to_regclass($1) AS oid', [relation]);
    if (!rows[0].oid) continue;
    let count;
    if (target.column) {
      const exists = await client.query('SELECT 1 FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2 AND attnum > 0 AND NOT attisdropped', [relation, target.column]);
      if (exists.rowCount === 0) continue;
      ({ rows: [{ count }] } = await client.query(`SELECT count(*)::int AS count FROM ${relation} WHERE ${client.escapeIdentifier(target.column)} IS NOT NULL`));
    } else {
      ({ rows: [{ count }] } = await client.query(`SELECT count(*)::int AS count FROM ${relation}`));
    }
    if (count > 0) {
      const what = target.column ? `column ${target.table}.${target.column} has a value in ${count} row(s)` : `table ${target.table} holds ${count} row(s)`;
      atRisk.push({ ...target, count, description: what });
    }
  }
  return atRisk;
}
