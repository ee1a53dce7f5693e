// The first bytes of each recording format, built by hand to the formats' specifications: enough
// for a sniffer, and for a provider test to post something that is really a WAV file.

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const u32le = (value: number) => [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff];
const u16le = (value: number) => [value & 0xff, (value >> 8) & 0xff];
const u32be = (value: number) => [(value >> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];

/** A complete PCM WAV file: 16 kHz mono 16-bit, `samples` of silence. */
export function wav(samples = 160): Uint8Array {
  const data = samples * 2;
  return Uint8Array.from([
    ...ascii('RIFF'), ...u32le(36 + data), ...ascii('WAVE'),
    ...ascii('fmt '), ...u32le(16), ...u16le(1), ...u16le(1), ...u32le(16_000), ...u32le(32_000), ...u16le(2), ...u16le(16),
    ...ascii('data'), ...u32le(data), ...new Array<number>(data).fill(0),
  ]);
}

/** MP3 with an ID3v2.4 tag first. */
export function mp3WithTag(): Uint8Array {
  return Uint8Array.from([...ascii('ID3'), 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, ...new Array<number>(10).fill(0), ...mp3Frame()]);
}

/** An MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz) with no tag before it. */
export function mp3Frame(): Uint8Array {
  return Uint8Array.from([0xff, 0xfb, 0x90, 0x64, ...new Array<number>(28).fill(0)]);
}

/** An ISO base media file: `ftyp` box with the given major brand. */
export function isoMedia(brand: string): Uint8Array {
  return Uint8Array.from([...u32be(24), ...ascii('ftyp'), ...ascii(brand), ...u32be(0), ...ascii('isom'), ...ascii('mp42'), ...u32be(8), ...ascii('free')]);
}

/** An EBML header whose DocType is `docType` ("webm" or "matroska"). */
export function ebml(docType: string): Uint8Array {
  const body = [
    0x42, 0x86, 0x81, 0x01, // EBMLVersion 1
    0x42, 0xf7, 0x81, 0x01, // EBMLReadVersion 1
    0x42, 0xf2, 0x81, 0x04, // EBMLMaxIDLength 4
    0x42, 0xf3, 0x81, 0x08, // EBMLMaxSizeLength 8
    0x42, 0x82, 0x80 | docType.length, ...ascii(docType), // DocType
    0x42, 0x87, 0x81, 0x04, // DocTypeVersion 4
    0x42, 0x85, 0x81, 0x02, // DocTypeReadVersion 2
  ];
  return Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length, ...body, 0x18, 0x53, 0x80, 0x67]);
}

/** The first page header of an Ogg stream (an Opus identification header follows). */
export function ogg(): Uint8Array {
  return Uint8Array.from([...ascii('OggS'), 0x00, 0x02, ...new Array<number>(20).fill(0), 0x01, 0x13, ...ascii('OpusHead'), 0x01, 0x01]);
}

/** An AAC ADTS frame header: shares MP3's sync bits, but is not MP3. */
export function adts(): Uint8Array {
  return Uint8Array.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc, ...new Array<number>(16).fill(0)]);
}
