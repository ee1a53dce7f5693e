import { authorization, callProvider } from './provider-call.js';
import { DEFAULT_TIMEOUT_MS, type ProviderSettings, providerUrl } from './provider-endpoint.js';
import type { ProviderName } from './provider-errors.js';

/**
 * One operation of an OpenAI-compatible provider, ready to call: its URL, model, timeout and key.
 * The key is a private field, so logging or inspecting a client that holds this cannot print it.
 */
export class ProviderConnection {
  readonly model: string;
  readonly #url: URL;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #apiKey: string | null;

  constructor(
    settings: ProviderSettings,
    operation: string,
    private readonly provider: ProviderName,
  ) {
    this.#url = providerUrl(settings, operation);
    this.model = settings.model.trim();
    this.#timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = settings.fetch ?? fetch;
    this.#apiKey = settings.apiKey ?? null;
  }

  /** POSTs the body and returns the answer's JSON, or throws a classified ProviderError. */
  post(body: string | FormData, headers: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    return callProvider({
      provider: this.provider,
      url: this.#url,
      method: 'POST',
      headers: { accept: 'application/json', ...headers, ...authorization(this.#apiKey) },
      body,
      timeoutMs: this.#timeoutMs,
      signal,
      fetch: this.#fetch,
    });
  }
}
