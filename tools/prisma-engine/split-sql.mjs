// A small PostgreSQL lexer: enough to split a script into statements at top-level semicolons (not
// inside quotes, quoted identifiers, dollar-quoted bodies or comments), and to tell which
// statements PostgreSQL refuses inside a transaction block (CREATE INDEX CONCURRENTLY …), which
// must each run alone.

// A dollar-quote tag: $$ or $name$, where name is an identifier (no leading digit: $1 is a parameter).
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*)?\$/;

/**
 * Walks the script and calls `onSegment(kind, start, end)` for each piece: 'code', 'comment',
 * 'string' (any quoted text, identifiers included) or 'semicolon'.
 */
function scan(script, onSegment) {
  let i = 0;
  let codeStart = 0;
  const flushCode = (end) => {
    if (end > codeStart) onSegment('code', codeStart, end);
  };
  const emit = (kind, start, end) => {
    flushCode(start);
    onSegment(kind, start, end);
    codeStart = end;
    i = end;
  };
  while (i < script.length) {
    const c = script[i];
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      emit('comment', i, end === -1 ? script.length : end + 1);
    } else if (c === '/' && next === '*') {
      // Block comments nest in PostgreSQL.
      let depth = 1;
      let j = i + 2;
      while (j < script.length && depth > 0) {
        if (script[j] === '/' && script[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (script[j] === '*' && script[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      emit('comment', i, j);
    } else if (c === "'" || c === '"') {
      // E'…' strings take backslash escapes; elsewhere a quote is escaped by doubling it.
      const escapes = c === "'" && /[Ee]/.test(script[i - 1] ?? '') && !/[A-Za-z0-9_$]/.test(script[i - 2] ?? '');
      let j = i + 1;
      while (j < script.length) {
        if (escapes && script[j] === '\\') j += 2;
        else if (script[j] === c && script[j + 1] === c) j += 2;
        else if (script[j] === c) break;
        else j++;
      }
      emit('string', i, Math.min(j + 1, script.length));
    } else if (c === '$' && !/[A-Za-z0-9_$]/.test(script[i - 1] ?? '')) {
      const tag = DOLLAR_TAG.exec(script.slice(i, i + 256))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        emit('string', i, end === -1 ? script.length : end + tag.length);
      } else i++;
    } else if (c === ';') {
      emit('semicolon', i, i + 1);
    } else i++;
  }
  flushCode(script.length);
}

/** The statements of a script, without their semicolons; comment-only pieces are dropped. */
export function splitSqlStatements(script) {
  const statements = [];
  let start = 0;
  let hasCode = false;
  scan(script, (kind, from, to) => {
    if (kind === 'semicolon') {
      if (hasCode) statements.push(script.slice(start, from).trim());
      start = to;
      hasCode = false;
    } else if (kind !== 'comment' && script.slice(from, to).trim()) hasCode = true;
  });
  if (hasCode) statements.push(script.slice(start).trim());
  return statements;
}

/** The script without its comments (each replaced by a space), strings left as they are. */
export function stripComments(script) {
  let out = '';
  scan(script, (kind, from, to) => {
    out += kind === 'comment' ? ' ' : script.slice(from, to);
  });
  return out;
}

// Statements PostgreSQL refuses inside a transaction block, matched at the start of a statement.
const NO_TRANSACTION_STATEMENT = new RegExp(
  '^(?:' +
    [
      'CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b',
      'DROP\\s+INDEX\\s+CONCURRENTLY\\b',
      'REINDEX\\b[^;]*\\bCONCURRENTLY\\b',
      'ALTER\\s+TABLE\\b[^;]*\\bDETACH\\s+PARTITION\\b[^;]*\\bCONCURRENTLY\\b',
      'VACUUM\\b',
      'ALTER\\s+SYSTEM\\b',
      '(?:CREATE|DROP)\\s+DATABASE\\b',
      '(?:CREATE|DROP)\\s+TABLESPACE\\b',
    ].join('|') +
    ')',
  'i',
);

// A migration may ask for statement-by-statement execution explicitly with this comment.
const NO_TRANSACTION_MARKER = /^\s*--\s*migration:\s*no-transaction\s*$/im;

/**
 * Whether a script must run statement by statement rather than as one transaction: it holds a
 * statement PostgreSQL refuses in a transaction block, or the `-- migration: no-transaction`
 * marker. Words inside comments and strings do not count.
 */
export function needsNoTransaction(script) {
  if (NO_TRANSACTION_MARKER.test(script)) return true;
  return splitSqlStatements(script).some((statement) => NO_TRANSACTION_STATEMENT.test(stripComments(statement).trim()));
}
