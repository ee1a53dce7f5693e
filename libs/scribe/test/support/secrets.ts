import assert from 'node:assert/strict';
import { inspect } from 'node:util';

/** Nothing a caller could log (message, stack, inspection, JSON) holds the secret. */
export function assertNothingLeaks(value: unknown, secret: string): void {
  const views = [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? '', String(value)];
  if (value instanceof Error) views.push(value.message, value.stack ?? '');
  for (const view of views) assert.ok(!view.includes(secret), 'the API key appears in what a caller could log');
}
