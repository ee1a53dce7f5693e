// The expand/contract rule for releases served by several API replicas: while a release rolls
// out, the previous release's code runs against the new schema, so a migration may only add
// (expand). What takes something away from that code (contract) waits for a release that no
// longer uses it, and its acknowledgement names that release:
//
//   -- migration-safety: allow ban-drop-column, contract-drop-column — reviewed by Dana Reyes, contracted in v2024.06.0, reason: the API stopped reading patients.fax in v2024.06.0
//
// This finds the contractions it can see in a migration's statements. Tables created, and
// columns added, by the same change are exempt: no released code knows them.
import { splitSqlStatements, stripComments } from '../../prisma-engine/split-sql.mjs';

export const CONTRACT_RULES = {
  'contract-drop-table': 'drops a table the previous release may still read or write',
  'contract-drop-column': 'drops a column the previous release may still read or write',
  'contract-rename-table': 'renames a table the previous release still calls by its old name',
  'contract-rename-column': 'renames a column the previous release still calls by its old name',
  'contract-column-type': "changes a column's type under the previous release's reads and writes",
  'contract-required-column': 'makes a column required that the previous release does not write',
};
const HELP =
  'a migration must work with the previous release\'s code (docs/migrations.md, "Releases with several API replicas"): ' +
  'expand now, contract in a later release that no longer uses it, and acknowledge it naming that release (contracted in <release>)';

export const isContractRule = (rule) => Object.hasOwn(CONTRACT_RULES, rule);

const NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QUALIFIED = String.raw`${NAME}(?:\s*\.\s*${NAME})?`;

/** PostgreSQL's reading of an identifier: quoted as written, unquoted folded to lower case. */
function identifier(text) {
  return text.startsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text.toLowerCase();
}

/** The table of a possibly schema-qualified name (the schema is the search_path's here). */
function tableName(text) {
  return identifier(text.match(new RegExp(NAME, 'g')).at(-1));
}

/** Splits at top-level commas: not inside parentheses, strings or quoted identifiers. */
function splitTopLevel(text) {
  const parts = [];
  let depth = 0;
  let quote;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

const ALTER_TABLE = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QUALIFIED})\s+([\s\S]*)$`, 'i');
const CREATE_TABLE = new RegExp(String.raw`^CREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMPORARY|TEMP|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QUALIFIED})`, 'i');
const ADD_COLUMN = new RegExp(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${NAME})\s+([\s\S]*)$`, 'i');
const NOT_A_COLUMN = new Set(['constraint', 'primary', 'unique', 'foreign', 'check', 'exclude']);

/** Every statement, comments removed, in splitSqlStatements' order (so indexes match its statements). */
function statementsOf(sql) {
  return splitSqlStatements(sql).map((chunk) => stripComments(chunk).trim().replace(/;$/, '').trim());
}

/** The tables a set of migrations creates and the columns (table.column) it adds. */
export function introducedObjects(scripts) {
  const tables = new Set();
  const columns = new Set();
  for (const statement of scripts.flatMap(statementsOf)) {
    const created = CREATE_TABLE.exec(statement);
    if (created) tables.add(tableName(created[1]));
    const altered = ALTER_TABLE.exec(statement);
    if (!altered) continue;
    for (const action of splitTopLevel(altered[2])) {
      const added = ADD_COLUMN.exec(action);
      if (added && !NOT_A_COLUMN.has(added[1].toLowerCase())) columns.add(`${tableName(altered[1])}.${identifier(added[1])}`);
    }
  }
  return { tables, columns };
}

/** What one ALTER TABLE action on `table` takes away from the previous release: [rule, column, message]. */
function contractionsOf(table, action) {
  let match;
  if ((match = new RegExp(String.raw`^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(${NAME})`, 'i').exec(action))) {
    const word = match[1].toLowerCase();
    if (!match[1].startsWith('"') && ['constraint', 'default', 'not', 'identity', 'expression'].includes(word)) return [];
    const column = identifier(match[1]);
    return [['contract-drop-column', column, `drops column ${table}.${column}, which the previous release may still read or write`]];
  }
  if (/^RENAME\s+TO\s+/i.test(action)) return [['contract-rename-table', undefined, `renames table ${table}, which the previous release still calls by its old name`]];
  if ((match = new RegExp(String.raw`^RENAME\s+(?:COLUMN\s+)?(${NAME})\s+TO\s+`, 'i').exec(action)) && match[1].toLowerCase() !== 'constraint') {
    const column = identifier(match[1]);
    return [['contract-rename-column', column, `renames column ${table}.${column}, which the previous release still calls by its old name`]];
  }
  if ((match = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${NAME})\s+(?:SET\s+DATA\s+)?TYPE\s+`, 'i').exec(action))) {
    const column = identifier(match[1]);
    return [['contract-column-type', column, `changes the type of ${table}.${column}, which the previous release still reads and writes as it was`]];
  }
  if ((match = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${NAME})\s+SET\s+NOT\s+NULL\b`, 'i').exec(action))) {
    const column = identifier(match[1]);
    return [['contract-required-column', column, `makes ${table}.${column} required, which the previous release may leave empty`]];
  }
  if ((match = ADD_COLUMN.exec(action)) && !NOT_A_COLUMN.has(match[1].toLowerCase())) {
    const definition = match[2];
    // A new column: the previous release cannot know it, so its inserts leave it out.
    if (/\bNOT\s+NULL\b/i.test(definition) && !/\bDEFAULT\b/i.test(definition) && !/\bGENERATED\b/i.test(definition)) {
      return [['contract-required-column', undefined, `adds ${table}.${identifier(match[1])} as required without a default, which the previous release's inserts leave out`]];
    }
  }
  return [];
}

/**
 * The contractions in one migration: { statementIndex, rule, message, help }, the statement
 * counted as splitSqlStatements counts it. `introduced` (from introducedObjects over the whole
 * change) exempts what no released code knows.
 */
export function findContractions(sql, introduced = { tables: new Set(), columns: new Set() }) {
  const found = [];
  statementsOf(sql).forEach((statement, statementIndex) => {
    const add = (rule, message) => found.push({ statementIndex, rule, message, help: HELP });
    const dropped = new RegExp(String.raw`^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?((?:${QUALIFIED})(?:\s*,\s*${QUALIFIED})*)`, 'i').exec(statement);
    if (dropped) {
      for (const table of dropped[1].match(new RegExp(QUALIFIED, 'g')).map(tableName)) {
        if (!introduced.tables.has(table)) add('contract-drop-table', `drops table ${table}, which the previous release may still read or write`);
      }
      return;
    }
    const altered = ALTER_TABLE.exec(statement);
    if (!altered) return;
    const table = tableName(altered[1]);
    if (introduced.tables.has(table)) return;
    for (const action of splitTopLevel(altered[2])) {
      for (const [rule, column, message] of contractionsOf(table, action)) {
        if (!column || !introduced.columns.has(`${table}.${column}`)) add(rule, message);
      }
    }
  });
  return found;
}
