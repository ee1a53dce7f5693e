import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readNumberWords } from '../src/rules/text/number-words.js';
import { splitSentences, withoutFillers } from '../src/rules/text/sentences.js';
import { tokenize } from '../src/rules/text/tokens.js';
import { readTranscript } from '../src/rules/text/transcript.js';

const numbers = (text: string) =>
  readNumberWords(tokenize(text))
    .filter((token) => token.kind === 'number')
    .map((token) => token.value);

describe('tokens', () => {
  it('reads words, numbers and the punctuation that carries meaning', () => {
    assert.deepEqual(
      tokenize('Take 500mg b.i.d., 0.1% cream, #30, 1,000 units q8h.').map((token) => token.text),
      ['take', '500', 'mg', 'bid', ',', '0.1', '%', 'cream', ',', '#', '30', ',', '1000', 'units', 'q8h'],
    );
  });

  it('drops hesitations and splits possessives, keeping negative contractions whole', () => {
    assert.deepEqual(
      tokenize("Uh, um, the child's ear doesn't hurt, er, today").filter((token) => token.kind === 'word').map((token) => token.text),
      ['the', 'child', "'s", 'ear', "doesn't", 'hurt', 'today'],
    );
  });

  it('keeps a range between digits and joins nothing else with a hyphen', () => {
    assert.deepEqual(tokenize('every 4-6 hours, amoxicillin-clavulanate').map((token) => token.text), ['every', '4', '-', '6', 'hours', ',', 'amoxicillin', 'clavulanate']);
  });

  it('stems plurals the same way for transcript and lexicon', () => {
    assert.deepEqual(tokenize('eyes headaches sinus glass').map((token) => token.stem), ['eye', 'headache', 'sinus', 'glass']);
  });
});

describe('numbers said as words', () => {
  it('reads units, tens, hundreds and thousands', () => {
    assert.deepEqual(numbers('five hundred milligrams'), [500]);
    assert.deepEqual(numbers('one thousand milligrams'), [1000]);
    assert.deepEqual(numbers('twenty-five'), [25]);
    assert.deepEqual(numbers('one hundred and fifty'), [150]);
    assert.deepEqual(numbers('two hundred fifty'), [250]);
    assert.deepEqual(numbers('a hundred'), [100]);
    assert.deepEqual(numbers('three thousand'), [3000]);
    assert.deepEqual(numbers('seventy-eight-year-old'), [78]);
  });

  it('reads decimals and halves', () => {
    assert.deepEqual(numbers('thirty-eight point one'), [38.1]);
    assert.deepEqual(numbers('zero point zero two five percent'), [0.025]);
    assert.deepEqual(numbers('seven and a half millilitres'), [7.5]);
    assert.deepEqual(numbers('half a tablet'), [0.5]);
  });

  it('reads spoken shorthand that leaves out "hundred", but not "two ten-milligram tablets"', () => {
    assert.deepEqual(numbers('eight seventy-five milligrams'), [875]);
    assert.deepEqual(numbers('one eighteen over seventy-six'), [118, 76]);
    assert.deepEqual(numbers('one fifty-two over ninety-four'), [152, 94]);
    assert.deepEqual(numbers('two ten milligram tablets'), [2, 10]);
    assert.deepEqual(numbers('twenty twenty vision'), [20, 20]);
  });

  it('leaves digits as they were said', () => {
    assert.deepEqual(numbers('2 tablets of 500 mg'), [2, 500]);
  });
});

describe('sentences and speakers', () => {
  it('splits on sentence ends but not on decimals, titles or dotted abbreviations', () => {
    assert.deepEqual(splitSentences('Temp 38.1 today. Dr. Reyes agrees; take it b.i.d. with food. Any cough?'), [
      'Temp 38.1 today.',
      'Dr. Reyes agrees;',
      'take it b.i.d. with food.',
      'Any cough?',
    ]);
  });

  it('removes hesitations from the words a note quotes', () => {
    assert.equal(withoutFillers('Uh, my throat, um, hurts.'), 'My throat, hurts.');
  });

  it('reads speakers, headings and continuation lines', () => {
    const transcript = readTranscript(
      ['Dr. Lee: What brings you in?', 'Mother: He has a cough.', 'It started Monday.', 'Nurse: Assessment: viral cough. Plan: fluids.', 'Sam: Mm-hmm.'].join('\n'),
    );
    assert.deepEqual(
      transcript.turns.map((turn) => turn.role),
      ['clinician', 'family', 'clinician', 'patient'],
    );
    assert.equal(transcript.turns[1]?.sentences.length, 2);
    assert.deepEqual(
      transcript.turns[2]?.sentences.map((sentence) => [sentence.header, sentence.text]),
      [
        ['assessment', 'Viral cough.'],
        ['plan', 'Fluids.'],
      ],
    );
    assert.equal(transcript.turns[3]?.sentences[0]?.text, 'Yes.', 'a spoken yes survives the hesitation filter');
  });

  it('reads a dictation without speakers as the narrator, under its headings', () => {
    const transcript = readTranscript('Patient seen for rash.\nHistory of present illness: Itchy rash for two days.\nFamily history: mother with psoriasis.');
    assert.deepEqual(
      transcript.sentences.map((sentence) => [sentence.role, sentence.header]),
      [
        ['narrator', null],
        ['narrator', 'history'],
        ['narrator', 'background'],
      ],
    );
  });
});
