/**
 * The seconds a Retry-After header asks for: either delay-seconds or an HTTP date (RFC 9110
 * §10.2.3). Null when absent or unreadable, so the job runner falls back to its own back-off.
 */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d{1,10}$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
