import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractByRules, parseExtraction, RulesExtractor, TRANSCRIPT_MAX_LENGTH, TranscriptTooLong } from '../src/index.js';

const VISIT = [
  'Clinician: Hi, what brings you in today?',
  'Patient: Uh, my throat has been really sore for about three days now. It hurts to swallow.',
  'Clinician: Any fever?',
  'Patient: Yeah, last night.',
  'Clinician: Any cough?',
  'Patient: No cough.',
  'Clinician: Your temperature is thirty-eight point one. The rapid strep test is positive.',
  "Clinician: So this is strep throat. I'm going to start you on amoxicillin five hundred milligrams, one capsule twice a day for ten days.",
  "Clinician: Come back if you can't swallow liquids or the fever isn't better in two to three days.",
].join('\n');

describe('rules engine: the draft note', () => {
  it('composes the note from what was said', () => {
    assert.deepEqual(extractByRules(VISIT).note, {
      chiefComplaint: 'Sore throat, painful swallowing and fever for 3 days',
      historyOfPresentIllness: 'Reports sore throat for 3 days; painful swallowing; fever. Denies cough.',
      diagnosis: 'Strep throat',
      treatmentPlan: "I'm going to start you on amoxicillin five hundred milligrams, one capsule twice a day for ten days.",
      followUpInstructions: "Come back if you can't swallow liquids or the fever isn't better in two to three days.",
    });
  });

  it('takes a dictation\'s headings as they were said', () => {
    const note = extractByRules(
      [
        'Chief complaint: itchy rash on both forearms.',
        'History of present illness: Rash for one week after gardening. Denies fever.',
        'Assessment: contact dermatitis; likely plant exposure.',
        'Plan: hydrocortisone one percent cream twice daily for seven days.',
        'Follow-up: return in two weeks if not improved.',
      ].join('\n'),
    ).note;
    assert.deepEqual(note, {
      chiefComplaint: 'Itchy rash on both forearms',
      historyOfPresentIllness: 'Rash for one week after gardening. Denies fever.',
      diagnosis: 'Contact dermatitis',
      treatmentPlan: 'Hydrocortisone one percent cream twice daily for seven days.',
      followUpInstructions: 'Return in two weeks if not improved.',
    });
  });

  it('gives an empty draft for an empty or unrelated transcript', () => {
    const empty = { note: { chiefComplaint: null, historyOfPresentIllness: null, diagnosis: null, treatmentPlan: null, followUpInstructions: null }, symptoms: [], prescriptions: [] };
    assert.deepEqual(extractByRules(''), empty);
    assert.deepEqual(extractByRules('Patient: Lovely weather today.\nClinician: It is.'), empty);
  });
});

describe('rules engine: safety of its output', () => {
  it('is deterministic: the same transcript gives the same draft', () => {
    assert.deepEqual(extractByRules(VISIT), extractByRules(VISIT));
  });

  it('always returns an extraction that passes the same checks as a model\'s answer', () => {
    const words = fc.constantFrom(
      'Patient:', 'Clinician:', 'Doctor:', 'Assessment:', 'Plan:', 'no', 'denies', 'maybe', 'fever', 'cough', 'sore', 'throat', 'left', 'knee', 'pain',
      'hurts', 'amoxicillin', 'ibuprofen', 'Tylenol', 'start', 'stop', 'continue', 'five', 'hundred', 'milligrams', 'twice', 'a', 'day', 'q8h', 'as',
      'needed', 'for', 'three', 'days', 'ten', 'out', 'of', '?', '.', ',', '\n', 'uh', 'um', 'thirty', 'tablets', 'refills', 'this', 'is', 'if',
    );
    const transcripts = fc.oneof(fc.string({ maxLength: 400 }), fc.array(words, { maxLength: 200 }).map((list) => list.join(' ')));
    fc.assert(
      fc.property(transcripts, (transcript) => {
        const extraction = extractByRules(transcript);
        assert.deepEqual(parseExtraction(extraction), extraction);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a transcript at the length limit, and refuses a longer one', () => {
    const long = `${VISIT}\n`.repeat(Math.floor(TRANSCRIPT_MAX_LENGTH / (VISIT.length + 1)));
    assert.ok(long.length <= TRANSCRIPT_MAX_LENGTH && long.length > TRANSCRIPT_MAX_LENGTH * 0.9);
    const extraction = extractByRules(long);
    assert.deepEqual(parseExtraction(extraction), extraction);
    assert.equal(extraction.prescriptions.length, 1, 'the same prescription said again is one prescription');
    assert.throws(() => extractByRules('x'.repeat(TRANSCRIPT_MAX_LENGTH + 1)), TranscriptTooLong);
  });

  it('reads pathological transcripts to the end: one endless sentence, no punctuation, repeated names', () => {
    const shapes = [
      'pain '.repeat(19_990),
      'this is fever and no cough you have pain in my knee '.repeat(1_900),
      'start amoxicillin 500 mg twice a day and ibuprofen 400 mg q8h then stop '.repeat(1_300),
      'Doctor: Any fever or cough or pain in your knee? '.repeat(2_000),
      ' '.repeat(TRANSCRIPT_MAX_LENGTH),
      'a.'.repeat(TRANSCRIPT_MAX_LENGTH / 2),
    ];
    for (const shape of shapes) {
      const extraction = extractByRules(shape.slice(0, TRANSCRIPT_MAX_LENGTH));
      assert.deepEqual(parseExtraction(extraction), extraction);
    }
  });

  it('honours the caller\'s abort, behind the same Extractor interface as the llm engine', async () => {
    const extractor = new RulesExtractor();
    assert.deepEqual(await extractor.extract(VISIT), extractByRules(VISIT));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(extractor.extract(VISIT, controller.signal), { name: 'AbortError' });
  });
});
