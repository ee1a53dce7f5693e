import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small HTTP server on 127.0.0.1 standing in for an OpenAI-compatible provider (or an S3
// store): each test queues how the next requests are answered, and reads back what was sent.

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Answer = (request: ReceivedRequest, response: ServerResponse) => unknown;

export class FakeProvider {
  readonly received: ReceivedRequest[] = [];
  readonly #answers: Answer[] = [];
  #fallback: Answer = (_request, response) => json(response, 500, { error: { message: 'no answer queued', type: 'test_error' } });

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeProvider> {
    // The server answers through the provider built around it just below.
    const built: { provider?: FakeProvider } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
        void built.provider?.answer(received, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    built.provider = new FakeProvider(server, `http://127.0.0.1:${port}/v1`);
    return built.provider;
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

/** An answer that never comes: the client's timeout has to end the call. */
export function silence(): Answer {
  return () => undefined;
}

/** The multipart form a client sent, read with the platform's own parser. */
export async function formOf(request: ReceivedRequest): Promise<FormData> {
  const contentType = String(request.headers['content-type'] ?? '');
  return new Response(request.body, { headers: { 'content-type': contentType } }).formData();
}
