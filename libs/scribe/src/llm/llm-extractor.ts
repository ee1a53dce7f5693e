import type { Extraction, Extractor } from '../extraction/extraction.js';
import { EXTRACTION_JSON_SCHEMA } from '../extraction/extraction-json-schema.js';
import { TRANSCRIPT_MAX_LENGTH } from '../extraction/limits.js';
import { ExtractionInvalid, parseExtraction } from '../extraction/parse-extraction.js';
import { ProviderConnection } from '../providers/provider-connection.js';
import type { ProviderSettings } from '../providers/provider-endpoint.js';
import { PermanentProviderError } from '../providers/provider-errors.js';
import { TranscriptTooLong } from '../extraction/transcript-too-long.js';
import { EXTRACTION_INSTRUCTIONS } from './extraction-prompt.js';

interface ChatCompletion {
  choices?: { finish_reason?: unknown; message?: { content?: unknown; refusal?: unknown } }[];
}

/**
 * The `llm` engine: an OpenAI-compatible `POST {baseUrl}/chat/completions` asked for JSON that
 * matches the extraction's schema. The answer is checked like a client's body and never trusted:
 * a refusal, a cut-off answer, text that is not JSON or JSON that breaks a column's rule is a
 * permanent ProviderError naming the reason.
 */
export class LlmExtractor implements Extractor {
  readonly #connection: ProviderConnection;

  constructor(settings: ProviderSettings) {
    this.#connection = new ProviderConnection(settings, 'chat/completions', 'extraction');
  }

  async extract(transcript: string, signal?: AbortSignal): Promise<Extraction> {
    if (transcript.length > TRANSCRIPT_MAX_LENGTH) throw new TranscriptTooLong(transcript.length);
    const body = JSON.stringify({
      model: this.#connection.model,
      temperature: 0,
      messages: [
        { role: 'system', content: EXTRACTION_INSTRUCTIONS },
        { role: 'user', content: transcript },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'visit_extraction', strict: true, schema: EXTRACTION_JSON_SCHEMA } },
    });
    const answer = (await this.#connection.post(body, { 'content-type': 'application/json' }, signal)) as ChatCompletion | null;
    return readExtraction(answer);
  }
}

function readExtraction(answer: ChatCompletion | null): Extraction {
  const choice = Array.isArray(answer?.choices) ? answer.choices[0] : undefined;
  const message = choice?.message;
  const failed = (reason: 'refused' | 'truncated' | 'unreadable_answer' | 'invalid_answer', detail: string) =>
    new PermanentProviderError('extraction', reason, { status: 200, detail });
  if (typeof message?.refusal === 'string' && message.refusal) throw failed('refused', 'the model refused to answer');
  if (choice?.finish_reason === 'length') throw failed('truncated', 'the answer was cut off at the token limit');
  if (typeof message?.content !== 'string') throw failed('unreadable_answer', 'the answer has no message content');
  let content: unknown;
  try {
    content = JSON.parse(message.content);
  } catch {
    throw failed('unreadable_answer', 'the message content is not JSON');
  }
  try {
    return parseExtraction(content);
  } catch (error) {
    if (error instanceof ExtractionInvalid) throw failed('invalid_answer', error.problems.slice(0, 10).join('; '));
    throw error;
  }
}
