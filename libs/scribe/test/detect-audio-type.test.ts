import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectAudioType } from '../src/index.js';
import { adts, ebml, isoMedia, mp3Frame, mp3WithTag, ogg, wav } from './support/audio-headers.js';

describe('detectAudioType', () => {
  it('reads each supported format from its magic bytes', () => {
    assert.deepEqual(detectAudioType(wav()), { mime: 'audio/wav', extension: 'wav' });
    assert.deepEqual(detectAudioType(mp3WithTag()), { mime: 'audio/mpeg', extension: 'mp3' });
    assert.deepEqual(detectAudioType(mp3Frame()), { mime: 'audio/mpeg', extension: 'mp3' });
    assert.deepEqual(detectAudioType(isoMedia('M4A ')), { mime: 'audio/mp4', extension: 'm4a' });
    assert.deepEqual(detectAudioType(isoMedia('isom')), { mime: 'audio/mp4', extension: 'mp4' });
    assert.deepEqual(detectAudioType(isoMedia('mp42')), { mime: 'audio/mp4', extension: 'mp4' });
    assert.deepEqual(detectAudioType(ebml('webm')), { mime: 'audio/webm', extension: 'webm' });
    assert.deepEqual(detectAudioType(ogg()), { mime: 'audio/ogg', extension: 'ogg' });
  });

  it('refuses look-alikes: images in ISO media, Matroska that is not WebM, AAC, other RIFF files', () => {
    assert.equal(detectAudioType(isoMedia('heic')), null);
    assert.equal(detectAudioType(isoMedia('avif')), null);
    assert.equal(detectAudioType(ebml('matroska')), null);
    assert.equal(detectAudioType(adts()), null);
    const avi = wav();
    avi.set([0x41, 0x56, 0x49, 0x20], 8);
    assert.equal(detectAudioType(avi), null);
  });

  it('refuses what is not audio at all, and files too short to tell', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    assert.equal(detectAudioType(png), null);
    assert.equal(detectAudioType(new TextEncoder().encode('Patient: my throat hurts')), null);
    assert.equal(detectAudioType(new Uint8Array()), null);
    assert.equal(detectAudioType(wav().subarray(0, 8)), null);
    assert.equal(detectAudioType(Uint8Array.from([0xff, 0xfb])), null);
  });

  it('reads only the header: a large recording costs what its first bytes cost', () => {
    const big = new Uint8Array(5 * 1024 * 1024);
    big.set(ogg());
    assert.deepEqual(detectAudioType(big), { mime: 'audio/ogg', extension: 'ogg' });
  });
});
