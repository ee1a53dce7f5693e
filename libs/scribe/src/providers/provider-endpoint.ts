// The settings every OpenAI-compatible provider takes, checked once when a client is built so a
// bad value stops start-up rather than every job.

export interface ProviderSettings {
  /** E.g. `https://api.openai.com/v1` or `http://whisper.internal:8000/v1`. */
  baseUrl: string;
  model: string;
  /** Sent as a bearer token; self-hosted servers often need none. */
  apiKey?: string | null;
  /** For the whole call, answer included. */
  timeoutMs?: number;
  /** Injected by tests and by callers that wrap fetch; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export class ProviderSettingsInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderSettingsInvalid';
  }
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** The URL of one of the provider's operations, e.g. `chat/completions`. */
export function providerUrl(settings: ProviderSettings, operation: string): URL {
  let base: URL;
  try {
    base = new URL(settings.baseUrl);
  } catch {
    throw new ProviderSettingsInvalid('the provider base URL is not a URL');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new ProviderSettingsInvalid('the provider base URL must be http or https');
  // A key in the URL would travel into every log line and error that prints a URL.
  if (base.username || base.password) throw new ProviderSettingsInvalid('the provider base URL must not hold credentials; use the API key setting');
  if (base.search || base.hash) throw new ProviderSettingsInvalid('the provider base URL must not have a query or fragment');
  if (!settings.model.trim()) throw new ProviderSettingsInvalid('the provider model must not be blank');
  const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeout) || timeout <= 0) throw new ProviderSettingsInvalid('the provider timeout must be a positive number of milliseconds');
  return new URL(operation, base.href.endsWith('/') ? base.href : `${base.href}/`);
}
