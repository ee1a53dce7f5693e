import { GROUP_TITLES, type Variable, type VariableGroup, VARIABLES } from './variables.js';

// .env.example and the README's variable table, printed from the declaration (variables.ts) by
// tools/docs/print-env.mjs; test/config-docs.test.ts checks both are current.

export const README_START = '<!-- env-table:start -->';
export const README_END = '<!-- env-table:end -->';

const entries = Object.entries(VARIABLES) as [string, Variable][];
const groups = [...new Set(entries.map(([, variable]) => variable.group))] as VariableGroup[];

function defaultText(variable: Variable): string | undefined {
  if (variable.type === 'postgres-url') return undefined;
  if (variable.type === 'origins' || variable.type === 'postgres-urls') return '';
  return 'default' in variable && variable.default !== undefined ? String(variable.default) : undefined;
}

/** Comment lines of at most `width` characters. */
function wrapped(text: string, width = 98): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

export function envExample(): string {
  const out = [
    '# Every variable the project reads, with its default. Printed from the declaration in',
    '# apps/api/src/config/variables.ts by `node tools/docs/print-env.mjs --write`: change the',
    '# declaration, not this file. Copy it to .env for local overrides (prisma.config.ts and the API',
    '# read .env; .env is never committed). Secrets have no working default here.',
  ];
  for (const group of groups) {
    out.push('', `# --- ${GROUP_TITLES[group]} ${'-'.repeat(Math.max(3, 92 - GROUP_TITLES[group].length))}`);
    for (const [name, variable] of entries.filter(([, candidate]) => candidate.group === group)) {
      out.push(...wrapped(`${variable.secret ? '(secret) ' : ''}${variable.description}`));
      const value = defaultText(variable);
      out.push(value !== undefined && !variable.secret ? `${name}=${value}` : `# ${name}=${variable.example ?? ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const cell = (text: string) => text.replaceAll('|', '\\|');

export function envTableMarkdown(): string {
  const rows = entries.map(([name, variable]) => {
    const value = defaultText(variable);
    const shown = value === undefined ? '—' : value === '' ? '(empty)' : `\`${value}\``;
    return `| \`${name}\` | ${GROUP_TITLES[variable.group].split(' (')[0]} | ${shown} | ${variable.secret ? 'yes' : ''} | ${cell(variable.description)} |`;
  });
  return ['| variable | read by | default | secret | what it does |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with its variable table replaced by the current one. */
export function withEnvTable(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`The README has no ${README_START} … ${README_END} section`);
  return `${readme.slice(0, start + README_START.length)}\n${envTableMarkdown()}\n${readme.slice(end)}`;
}
