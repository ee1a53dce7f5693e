// The OpenAI-compatible provider the scribe's suites answer from: the shared fake server of
// @clinic/scribe/testing (transcription at POST /v1/audio/transcriptions, chat completions at
// POST /v1/chat/completions), with the answers and the audio files these suites send.
import { type Answer, json } from '@clinic/scribe/testing';

export { type Answer, FakeProvider as FakeOpenAi, json, type ReceivedRequest, silence } from '@clinic/scribe/testing';

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
