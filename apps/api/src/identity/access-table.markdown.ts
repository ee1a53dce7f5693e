import { ACCESS_TABLE, type RouteAccess } from './access-table.js';
import { PROVIDER_ROLES, type ProviderRole } from './provider-role.js';

// The access table as the README prints it, between these markers
// (tools/docs/print-access-table.mjs writes it; test/access-table.test.ts checks it is current).
export const README_START = '<!-- access-table:start -->';
export const README_END = '<!-- access-table:end -->';

function cell(access: RouteAccess, role: ProviderRole): string {
  if (access.allow === 'public') return 'public';
  const partly = access.partly?.[role];
  if (access.allow === 'signed-in' || access.allow.includes(role)) return partly ?? '✓';
  return '403';
}

/** One row per route: ✓ allowed, 403 refused, `public` no token needed, or the service's narrower rule. */
export function accessTableMarkdown(): string {
  const rows = Object.entries(ACCESS_TABLE).map(([route, access]: [string, RouteAccess]) => {
    const roles = PROVIDER_ROLES.map((role) => cell(access, role));
    return `| \`${route}\` | ${roles.join(' | ')} | ${access.enumerates ? 'list: throttled per provider' : ''} |`;
  });
  return [`| route | ${PROVIDER_ROLES.join(' | ')} | notes |`, `| --- |${PROVIDER_ROLES.map(() => ' --- |').join('')} --- |`, ...rows].join('\n');
}

/** The README with its table section replaced by the current table. */
export function withAccessTable(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`The README has no ${README_START} … ${README_END} section`);
  return `${readme.slice(0, start + README_START.length)}\n${accessTableMarkdown()}\n${readme.slice(end)}`;
}
