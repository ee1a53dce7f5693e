// How a call to a transcription or language-model provider failed, in the two kinds a job runner
// acts on: transient failures are worth retrying later, permanent ones never succeed on retry.
// Messages name the provider, the HTTP status and the reason, never the API key, the audio or
// the transcript.

export type ProviderName = 'transcription' | 'extraction';

export type TransientReason = 'timeout' | 'network' | 'rate_limited' | 'server_error';
export type PermanentReason = 'unauthorized' | 'rejected' | 'unreadable_answer' | 'invalid_answer' | 'refused' | 'truncated';

interface ProviderErrorDetails {
  /** The HTTP status of the answer, if there was one. */
  status?: number;
  /** A short code from the provider's error body ("invalid_api_key"), if it gave one. */
  providerCode?: string;
  /** What was wrong with an answer that arrived (for invalid_answer: the broken rules). */
  detail?: string;
}

export abstract class ProviderError extends Error {
  abstract readonly kind: 'transient' | 'permanent';
  readonly status: number | null;
  readonly providerCode: string | null;

  protected constructor(
    readonly provider: ProviderName,
    readonly reason: TransientReason | PermanentReason,
    details: ProviderErrorDetails,
  ) {
    const parts = [
      details.status === undefined ? null : `HTTP ${details.status}`,
      details.providerCode ? `code ${details.providerCode}` : null,
      details.detail ?? null,
    ].filter((part) => part !== null);
    super(`the ${provider} provider failed: ${reason.replaceAll('_', ' ')}${parts.length ? ` (${parts.join(', ')})` : ''}`);
    this.status = details.status ?? null;
    this.providerCode = details.providerCode ?? null;
  }
}

export class TransientProviderError extends ProviderError {
  readonly kind = 'transient';

  constructor(
    provider: ProviderName,
    override readonly reason: TransientReason,
    details: ProviderErrorDetails & { retryAfterSeconds?: number | null } = {},
  ) {
    super(provider, reason, details);
    this.name = 'TransientProviderError';
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }

  /** How long the provider asked us to wait (Retry-After), in seconds; null if it did not say. */
  readonly retryAfterSeconds: number | null;
}

export class PermanentProviderError extends ProviderError {
  readonly kind = 'permanent';

  constructor(provider: ProviderName, override readonly reason: PermanentReason, details: ProviderErrorDetails = {}) {
    super(provider, reason, details);
    this.name = 'PermanentProviderError';
  }
}

/** True when retrying the same call later may succeed. */
export function isTransientProviderError(error: unknown): error is TransientProviderError {
  return error instanceof TransientProviderError;
}
