// A small OpenAI-compatible server on 127.0.0.1 for the scribe's suites: transcription
// (POST /v1/audio/transcriptions) and chat completions (POST /v1/chat/completions). Each test
// queues how the next requests are answered, and reads back what was sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Answer = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

export class FakeOpenAi {
  readonly received: ReceivedRequest[] = [];
  readonly #answers: Answer[] = [];
  #fallback: Answer = (_request, response) => json(response, 500, { error: { message: 'no answer queued', type: 'test_error' } });

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeOpenAi> {
    const built: { fake?: FakeOpenAi } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        void built.fake?.answer({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) }, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    built.fake = new FakeOpenAi(server, `http://127.0.0.1:${port}/v1`);
    return built.fake;
  }

  /** How the next request is answered; requests beyond the queue get `replyAlways`, or a 500. */
  reply(answer: Answer): this {
    this.#answers.push(answer);
    return this;
  }

  replyAlways(answer: Answer): this {
    this.#fallback = answer;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: ReceivedRequest, response: ServerResponse): Promise<void> {
    this.received.push(request);
    try {
      await (this.#answers.shift() ?? this.#fallback)(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500).end();
    }
  }
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** A transcription service's answer: `{ text }`. */
export const transcribed =
  (text: string): Answer =>
  (_request, response) =>
    json(response, 200, { text });

/** A chat completion whose message content is `content` (an extraction as JSON, or anything). */
export const completed =
  (content: string): Answer =>
  (_request, response) =>
    json(response, 200, {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
    });

export const rateLimited: Answer = (_request, response) => json(response, 429, { error: { message: 'slow down', type: 'rate_limit', code: 'rate_limit_exceeded' } }, { 'retry-after': '1' });

/** An answer that never comes: the client's timeout has to end the call. */
export const silence: Answer = () => undefined;

/** A complete PCM WAV file: 16 kHz mono 16-bit, `samples` of silence. */
export function wav(samples = 160): Buffer {
  const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
  const u32 = (value: number) => [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff];
  const u16 = (value: number) => [value & 0xff, (value >> 8) & 0xff];
  const data = samples * 2;
  return Buffer.from([
    ...ascii('RIFF'), ...u32(36 + data), ...ascii('WAVE'),
    ...ascii('fmt '), ...u32(16), ...u16(1), ...u16(1), ...u32(16_000), ...u32(32_000), ...u16(2), ...u16(16),
    ...ascii('data'), ...u32(data), ...new Array<number>(data).fill(0),
  ]);
}

/** The first bytes of a WebM file: an EBML header whose DocType is webm, then a Segment. */
export function webm(): Buffer {
  const body = [0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02];
  return Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length, ...body, 0x18, 0x53, 0x80, 0x67, ...new Array<number>(64).fill(0)]);
}
