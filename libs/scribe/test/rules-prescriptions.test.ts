import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractByRules, NOT_STATED } from '../src/index.js';

// Prescriptions the rules engine charts: only what is written at this visit.

const prescriptions = (...lines: string[]) => extractByRules(lines.join('\n')).prescriptions;
const summary = (...lines: string[]) => prescriptions(...lines).map((p) => `${p.medicationName} ${p.strength} ${p.frequency}`);

describe('rules engine: new prescriptions only', () => {
  it('charts a prescription with its strength, dose, frequency, duration and directions', () => {
    const [amoxicillin] = prescriptions('Clinician: I\'m going to start you on amoxicillin five hundred milligrams, one capsule twice a day for ten days, with food.');
    assert.deepEqual(amoxicillin, {
      medicationName: 'Amoxicillin',
      strength: '500 mg',
      dosage: '1 capsule',
      frequency: 'twice daily',
      duration: '10 days',
      quantity: null,
      refills: null,
      instructions: 'Take 1 capsule twice daily for 10 days. With food.',
      indication: null,
    });
  });

  it('leaves out what the patient already takes, was told to continue, stopped or is allergic to', () => {
    assert.deepEqual(
      summary(
        'Patient: I take lisinopril ten milligrams every morning, and I stopped the naproxen.',
        "Doctor: And you're on metformin five hundred twice a day?",
        'Patient: Yes. Penicillin gives me hives, and amoxicillin too.',
        'Doctor: Continue the metformin and the lisinopril. Keep using your albuterol two puffs as needed.',
        'Doctor: Please stop the aspirin. We won\'t use Bactrim because of your allergy.',
      ),
      [],
    );
  });

  it('charts a dose change or a refill as a prescription', () => {
    assert.deepEqual(summary('Doctor: I\'d like to increase the lisinopril to twenty milligrams once daily.'), ['Lisinopril 20 mg once daily']);
    assert.deepEqual(summary('Doctor: I\'ll refill your atorvastatin forty milligrams at bedtime.'), ['Atorvastatin 40 mg at bedtime']);
    assert.deepEqual(
      summary('Doctor: We\'ll stop the hydrochlorothiazide and switch you to losartan fifty milligrams once daily.'),
      ['Losartan 50 mg once daily'],
    );
  });

  it('reads brand names, numbers as words and frequencies however said', () => {
    assert.deepEqual(
      summary(
        'Doctor: Take Tylenol, uh, one thousand milligrams q6h as needed.',
        'Doctor: Prednisone forty milligrams once daily for five days, and Augmentin eight seventy-five BID for five days.',
        'Doctor: Let\'s do Flonase fifty micrograms per spray, two sprays each nostril once daily.',
      ),
      ['Acetaminophen 1000 mg every 6 hours as needed', 'Prednisone 40 mg once daily', 'Amoxicillin-clavulanate 875 mg twice daily', 'Fluticasone nasal spray 50 mcg/spray once daily'],
    );
  });

  it('does not chart an offer, or advice without a dose', () => {
    assert.deepEqual(summary("Clinician: I can start a nicotine patch, twenty-one milligrams a day, whenever you're ready."), []);
    assert.deepEqual(summary("Doctor: You can give children's ibuprofen if she's uncomfortable."), []);
    assert.deepEqual(summary('Doctor: You can take ibuprofen four hundred milligrams every eight hours as needed.'), ['Ibuprofen 400 mg every 8 hours as needed']);
  });

  it('finishes a prescription from the sentences right after it', () => {
    const [tamsulosin] = prescriptions('Urologist: We\'ll start tamsulosin zero point four milligrams once a day.', 'Urologist: Ninety capsules, three refills.');
    assert.deepEqual([tamsulosin?.quantity, tamsulosin?.refills, tamsulosin?.dosage], [90, 3, '0.4 mg']);
    const [apixaban, metoprolol] = prescriptions('Doctor: Start apixaban five milligrams twice a day, and metoprolol twenty-five milligrams daily.', 'Doctor: Thirty tablets with two refills of each.');
    assert.deepEqual([apixaban?.quantity, apixaban?.refills, metoprolol?.quantity, metoprolol?.refills], [30, 2, 30, 2]);
  });

  it('charts the last step of a titration, and keeps a limit out of the regimen', () => {
    assert.deepEqual(summary('Doctor: Start varenicline zero point five milligrams once daily for three days, then one milligram twice daily for eleven weeks.'), ['Varenicline 1 mg twice daily']);
    assert.deepEqual(summary('Doctor: Acetaminophen one thousand milligrams every six hours as needed, no more than three thousand a day.'), ['Acetaminophen 1000 mg every 6 hours as needed']);
  });

  it('writes "not stated" where a required column was not said', () => {
    const [drops] = prescriptions("Clinician: I'm prescribing polymyxin B trimethoprim eye drops, one drop in each eye every four hours while awake.");
    assert.equal(drops?.medicationName, 'Polymyxin B-trimethoprim eye drops');
    assert.equal(drops?.strength, NOT_STATED);
    assert.equal(drops?.frequency, 'every 4 hours while awake');
    assert.equal(drops?.instructions, 'Instil 1 drop in the affected eye(s) every 4 hours while awake.');
    const [started] = prescriptions("Doctor: Let's start sertraline.");
    assert.deepEqual([started?.strength, started?.dosage, started?.frequency, started?.instructions], [NOT_STATED, NOT_STATED, NOT_STATED, 'Take as directed.']);
  });

  it('never charts what the patient says as a prescription, even with a dose', () => {
    assert.deepEqual(summary('Patient: I started ibuprofen four hundred milligrams three times a day on my own.'), []);
  });
});
