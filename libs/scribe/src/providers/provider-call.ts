import { type ProviderName, PermanentProviderError, TransientProviderError } from './provider-errors.js';
import { retryAfterSeconds } from './retry-after.js';

// One HTTP call to an OpenAI-compatible provider, with the classification the job runner needs:
// timeouts, network failures, 408, 429 and 5xx are transient; any other 4xx and an answer that is
// not JSON are permanent. The caller's own abort is passed through untouched: it is not a
// provider failure.

export interface ProviderCall {
  provider: ProviderName;
  url: URL;
  method: 'POST';
  headers: Record<string, string>;
  body: string | FormData;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch: typeof fetch;
}

/** Large enough for the transcript of a long visit; a bigger answer is not one we asked for. */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The provider's short error code, if its body has one that looks like a code and not like text. */
function providerCodeOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; type?: unknown } } | null;
    for (const candidate of [parsed?.error?.code, parsed?.error?.type]) {
      if (typeof candidate === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(candidate)) return candidate;
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, say. The status says enough.
  }
  return undefined;
}

async function readAnswer(response: Response, provider: ProviderName): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new PermanentProviderError(provider, 'unreadable_answer', { status: response.status, detail: 'the answer is too large' });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(cause.code) ? cause.code : undefined;
}

/** Sends the call and returns the answer's JSON, or throws a classified ProviderError. */
export async function callProvider(call: ProviderCall): Promise<unknown> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  const failed = (error: unknown): never => {
    if (call.signal?.aborted) throw call.signal.reason;
    if (error instanceof PermanentProviderError) throw error;
    if (timeout.aborted) throw new TransientProviderError(call.provider, 'timeout', { detail: `no complete answer within ${call.timeoutMs} ms` });
    const code = networkCode(error);
    throw new TransientProviderError(call.provider, 'network', { detail: code ? `network error ${code}` : 'network error' });
  };

  let response: Response;
  let body: string;
  try {
    response = await call.fetch(call.url, { method: call.method, headers: call.headers, body: call.body, signal });
    body = await readAnswer(response, call.provider);
  } catch (error) {
    return failed(error);
  }

  if (!response.ok) {
    const details = { status: response.status, providerCode: providerCodeOf(body) };
    if (isTransientStatus(response.status)) {
      const reason = response.status === 429 ? 'rate_limited' : response.status === 408 ? 'timeout' : 'server_error';
      throw new TransientProviderError(call.provider, reason, { ...details, retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')) });
    }
    throw new PermanentProviderError(call.provider, response.status === 401 || response.status === 403 ? 'unauthorized' : 'rejected', details);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new PermanentProviderError(call.provider, 'unreadable_answer', { status: response.status, detail: 'the answer is not JSON' });
  }
}

/** The bearer header, when there is a key: kept out of every message this library writes. */
export function authorization(apiKey: string | null | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}
