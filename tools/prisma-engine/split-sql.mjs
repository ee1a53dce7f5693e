// Splits a SQL script into statements at top-level semicolons: not inside quotes, quoted
// identifiers, dollar-quoted bodies or comments. Only needed for the few statements PostgreSQL
// refuses inside a transaction (CREATE INDEX CONCURRENTLY …), which must each run alone.
export function splitSqlStatements(script) {
  const statements = [];
  let start = 0;
  let i = 0;
  while (i < script.length) {
    const rest = script.slice(i);
    if (rest.startsWith('--')) {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
    } else if (rest.startsWith('/*')) {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 2;
    } else if (script[i] === "'" || script[i] === '"') {
      const quote = script[i];
      i++;
      while (i < script.length) {
        if (script[i] === quote && script[i + 1] === quote) i += 2;
        else if (script[i] === quote) break;
        else i++;
      }
      i++;
    } else if (script[i] === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(rest)?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end === -1 ? script.length : end + tag.length;
      } else i++;
    } else if (script[i] === ';') {
      statements.push(script.slice(start, i));
      start = ++i;
    } else i++;
  }
  statements.push(script.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
}
