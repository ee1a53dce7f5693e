import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractByRules } from '../src/index.js';

// Symptoms the rules engine charts: said as present by the patient, or confirmed when asked; not
// denied, ruled out, hypothetical, past, someone else's or a reaction to a drug.

const symptoms = (...lines: string[]) => extractByRules(lines.join('\n')).symptoms;
const names = (...lines: string[]) => symptoms(...lines).map((symptom) => symptom.symptomName);

describe('rules engine: negation and context (NegEx-style)', () => {
  it('leaves out denied symptoms, however the denial is said', () => {
    assert.deepEqual(names('Patient: I have a cough but no fever.'), ['Cough']);
    assert.deepEqual(names('Patient: Denies chest pain, shortness of breath or palpitations. Has a headache.'), ['Headache']);
    assert.deepEqual(names('History of present illness: Negative for nausea, vomiting and diarrhea. Reports fatigue.'), ['Fatigue']);
    assert.deepEqual(names("Patient: I've never fainted. My ankle doesn't hurt."), []);
    assert.deepEqual(names('Patient: No cough, no runny nose, no sore throat.'), []);
    assert.deepEqual(names('Patient: Not nauseous at all.'), []);
  });

  it('leaves out what was ruled out or has gone, but not what has "gone yellow"', () => {
    assert.deepEqual(names('Patient: The rash has resolved.'), []);
    assert.deepEqual(names('Patient: A little nausea the first week, gone now.'), []);
    assert.deepEqual(names("Patient: I'm coughing up more phlegm, it's gone yellow-green."), ['Productive cough']);
    assert.deepEqual(names('Narrator: Pneumonia and fever were ruled out.'), []);
  });

  it('notes uncertainty instead of dropping the symptom', () => {
    const [symptom] = symptoms('Patient: Possibly a fever last night, I did not check.');
    assert.equal(symptom?.symptomName, 'Fever');
    assert.equal(symptom?.notes, 'possible');
    assert.equal(symptoms('Patient: Maybe a bit lightheaded once or twice.')[0]?.notes, 'possible');
    assert.equal(symptoms('Patient: Stiff in the morning for maybe twenty minutes.')[0]?.notes, null, '"maybe" hedges the twenty minutes, not the stiffness');
  });

  it('leaves out the hypothetical, the past, relatives and drug reactions', () => {
    assert.deepEqual(names('Clinician: Call us if you get a fever or chest pain.'), []);
    assert.deepEqual(names('Patient: My mother gets migraines and headaches.'), []);
    assert.deepEqual(names('Patient: I had asthma and wheezing as a kid.'), []);
    assert.deepEqual(names('Patient: I got hives from amoxicillin as a kid.'), []);
    assert.deepEqual(names('Patient: Amoxicillin gave me hives.'), []);
    assert.deepEqual(names('Patient: Sulfa drugs give me a rash.'), []);
    assert.deepEqual(names("Patient: I don't know about fever."), []);
  });

  it('does not take the clinician\'s exam findings, vitals or warnings for symptoms', () => {
    assert.deepEqual(
      names(
        'Clinician: Your temperature is thirty-eight point one and blood pressure one fifty over ninety.',
        'Clinician: Your tonsils are swollen and the eardrum is red.',
        'Clinician: Some people get nausea at first.',
      ),
      [],
    );
  });

  it('takes the clinician\'s summary of what the patient said', () => {
    assert.deepEqual(names("Clinician: You mentioned you've been feeling down."), ['Low mood']);
  });
});

describe('rules engine: questions and answers', () => {
  it('charts what the answer confirms and leaves out what it denies', () => {
    assert.deepEqual(names('Doctor: Any fever or chills?', 'Patient: Yeah, both, last night.'), ['Fever', 'Chills']);
    assert.deepEqual(names('Doctor: Any fever or chills?', 'Patient: No.'), []);
    assert.deepEqual(names('Doctor: Short of breath?', 'Patient: Not really, no.'), []);
    assert.deepEqual(names('Doctor: Fever?', 'Patient: Up to thirty-nine, and shaking chills.'), ['Fever', 'Chills']);
  });

  it('reads "No." as an answer, not an abbreviation, and lets what was said outright outweigh what was implied', () => {
    assert.deepEqual(names('Doctor: Any double vision or weakness?', 'Patient: No. Just a bit queasy when it happens.'), ['Nausea']);
    assert.deepEqual(names('Doctor: Any soiling, vomiting or weight loss?', 'Father: Some soiling, yes. No vomiting.'), ['Weight loss']);
  });

  it('lets an answer that names its own symptom answer with it', () => {
    assert.deepEqual(names('Doctor: Belly pain?', 'Patient: Cramping, kind of all over, comes and goes.'), ['Abdominal cramping']);
    assert.deepEqual(names('Doctor: Any leaking?', 'Patient: A little dribbling at the end.'), ['Post-void dribbling']);
  });

  it('notes a hedged answer as uncertain, and takes severity, duration and exertion from the answer', () => {
    const [blood] = symptoms('Doctor: Any blood in the urine?', 'Patient: Maybe a little pink yesterday.');
    assert.deepEqual([blood?.symptomName, blood?.notes], ['Blood in urine', 'possible']);
    assert.deepEqual(names('Doctor: Short of breath?', 'Patient: A bit when I walk around.'), ['Shortness of breath on exertion']);
    const [cough] = symptoms('Doctor: How long have you had this cough?', 'Patient: About a week.');
    assert.deepEqual([cough?.symptomName, cough?.duration], ['Cough', '1 week']);
    const [throat] = symptoms('Doctor: What brings you in?', 'Patient: My throat is sore.', 'Doctor: On a scale of one to ten, how bad is it?', 'Patient: Um, maybe a seven.');
    assert.deepEqual([throat?.symptomName, throat?.severity], ['Sore throat', 7]);
  });

  it('finds the place of a symptom from the conversation', () => {
    const found = symptoms('Clinician: Which ear is it?', "Patient: The left. It's been really sore for three days and it feels blocked.");
    assert.deepEqual(
      found.map((symptom) => [symptom.symptomName, symptom.bodySite, symptom.duration]),
      [
        ['Ear pain', 'Left ear', '3 days'],
        ['Ear fullness', 'Left ear', '3 days'],
      ],
    );
  });
});

describe('rules engine: charting symptoms', () => {
  it('names local symptoms by their place, with the side', () => {
    const found = symptoms('Patient: I rolled my left ankle and it swelled up. My right knee aches too, like a four out of ten.');
    assert.deepEqual(
      found.map((symptom) => [symptom.symptomName, symptom.bodySite, symptom.severity]),
      [
        ['Ankle swelling', 'Left ankle', null],
        ['Knee pain', 'Right knee', 4],
      ],
    );
  });

  it('charts a symptom once, and a general one gives way to a narrower one', () => {
    assert.deepEqual(names('Patient: I have a cough. The cough is dry, a dry cough, for two weeks.'), ['Dry cough']);
    assert.equal(symptoms('Patient: I have a cough. The cough is dry, a dry cough, for two weeks.')[0]?.duration, '2 weeks');
  });

  it('reads numbers as words and ignores hesitations', () => {
    const [throat] = symptoms('Patient: Uh, my throat has been, um, really sore for about three days now, like a seven out of ten.');
    assert.deepEqual([throat?.symptomName, throat?.duration, throat?.severity], ['Sore throat', '3 days', 7]);
  });

  it('reads the history of a dictated note', () => {
    assert.deepEqual(
      names('Chief complaint: difficulty staying asleep.', 'History of present illness: He feels tired during the day. He denies low mood.', 'Family history: mother with diabetes and fatigue.'),
      ['Difficulty staying asleep', 'Daytime sleepiness'],
    );
  });
});
