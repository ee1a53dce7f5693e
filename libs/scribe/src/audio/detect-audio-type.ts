// The format of an uploaded recording, read from its first bytes rather than from the declared
// content type or file name, which a client can set to anything.

export interface AudioType {
  mime: string;
  extension: string;
}

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/**
 * MPEG audio frame header (ISO/IEC 11172-3): 11 sync bits, then version, layer, bitrate and
 * sample-rate fields whose reserved values mark a false match. Layer bits 00 are reserved, which
 * also keeps out AAC's ADTS header that shares the sync word.
 */
function isMpegFrame(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1] & 0xe0) !== 0xe0) return false;
  const version = (bytes[1] >> 3) & 0b11;
  const layer = (bytes[1] >> 1) & 0b11;
  const bitrate = bytes[2] >> 4;
  const sampleRate = (bytes[2] >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

/** ISO base media brands that carry audio (M4A, MP4, DASH); HEIC or AVIF images share `ftyp`. */
const AUDIO_MP4_BRANDS = new Map<string, string>([
  ['M4A ', 'm4a'],
  ['M4B ', 'm4a'],
  ['mp41', 'mp4'],
  ['mp42', 'mp4'],
  ['isom', 'mp4'],
  ['iso2', 'mp4'],
  ['iso4', 'mp4'],
  ['iso5', 'mp4'],
  ['iso6', 'mp4'],
  ['dash', 'mp4'],
  ['3gp4', 'mp4'],
  ['3gp5', 'mp4'],
]);

/** A WebM file is an EBML document whose DocType element (ID 0x4282) says "webm". */
function isWebm(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x1a || bytes[1] !== 0x45 || bytes[2] !== 0xdf || bytes[3] !== 0xa3) return false;
  const header = bytes.subarray(0, Math.min(bytes.length, 64));
  for (let i = 4; i + 3 < header.length; i += 1) {
    if (header[i] !== 0x42 || header[i + 1] !== 0x82) continue;
    // A one-byte size (high bit set) is what every muxer writes for a four-letter DocType.
    const size = header[i + 2] & 0x7f;
    return size === 4 && ascii(header, i + 3, 4) === 'webm';
  }
  return false;
}

/** WAV, MP3, M4A/MP4, WebM or Ogg by magic bytes; null for anything else. */
export function detectAudioType(bytes: Uint8Array): AudioType | null {
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return { mime: 'audio/wav', extension: 'wav' };
  if (bytes.length >= 10 && ascii(bytes, 0, 3) === 'ID3' && bytes[3] < 0xff && bytes[4] < 0xff) return { mime: 'audio/mpeg', extension: 'mp3' };
  if (isMpegFrame(bytes)) return { mime: 'audio/mpeg', extension: 'mp3' };
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    const extension = AUDIO_MP4_BRANDS.get(ascii(bytes, 8, 4));
    return extension ? { mime: 'audio/mp4', extension } : null;
  }
  if (isWebm(bytes)) return { mime: 'audio/webm', extension: 'webm' };
  if (bytes.length >= 5 && ascii(bytes, 0, 4) === 'OggS' && bytes[4] === 0) return { mime: 'audio/ogg', extension: 'ogg' };
  return null;
}
