import { answerOpening } from '../context/answers.js';
import { contextOf, isAffirmed } from '../context/mention-context.js';
import { findDurations } from '../parse/duration.js';
import { currentSeverity, findSeverities } from '../parse/severity.js';
import { REPORTING_SECTIONS } from '../text/sections.js';
import { speaksForPatient } from '../text/speakers.js';
import type { Reading } from '../text/reading.js';
import type { Token } from '../text/tokens.js';
import { localSymptomName } from '../lexicon/symptoms.js';
import { firstPlace, type Place } from './place.js';
import { type SymptomMention, symptomMentions } from './symptom-mentions.js';

// Which named symptoms the patient has. A symptom counts when the patient (or whoever speaks for
// them) says it without a denial, a condition or a past tense around it; when a dictated history
// says it; when the clinician sums up what the patient said ("you've been feeling down"); or when
// the clinician asks about it and the answer confirms it ("Any fever?" — "Yeah, last night").

export interface SymptomFinding {
  name: string;
  place: Place | null;
  severity: number | null;
  duration: string | null;
  notes: string[];
  present: boolean;
  /** Position of its mention, for charting in the order said. */
  order: number;
  /** Said in the patient's own words, rather than confirmed by answering a question. */
  said: boolean;
  turn: number;
  narrows: string | null;
  painLike: boolean;
}

const MAX_ATTRIBUTES = 8;
const EXERTION = new Set(['stair', 'stairs', 'walk', 'walking', 'walked', 'exertion', 'exercise', 'exercising', 'run', 'running', 'climb', 'climbing', 'hill', 'active', 'activity', 'exert', 'jog', 'jogging', 'sport']);
const SUMMING_UP = [
  ["you've", 'been'], ['you', 'have', 'been'], ["you've", 'had'], ['you', 'have', 'had'], ['you', 'mentioned'], ['you', 'said'], ['you', 'told'],
  ['you', 'describe'], ["you're", 'having'], ['you', 'are', 'having'], ["you've", 'got'], ['sounds', 'like', 'you'], ['you', 'were'], ['you', 'had'],
];
/** Questions that take the symptom as given: "Tell me about the headaches", "How bad is the pain?" */
const PRESUPPOSING = new Set(['how', 'what', 'when', 'where', 'which', 'tell', 'describe']);
const SCALE_QUESTION = [['scale'], ['how', 'bad'], ['how', 'severe'], ['rate'], ['out', 'of', '10'], ['how', 'much', 'does', 'it', 'hurt']];
const HOW_LONG_QUESTION = [['how', 'long'], ['when', 'did'], ['since', 'when'], ['how', 'many', 'days'], ['when', 'was']];

function says(tokens: readonly Token[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((phrase) => tokens.some((_, i) => phrase.every((word, offset) => tokens[i + offset]?.text === word)));
}

/** Sentences whose symptoms are the patient's own report, unless a trigger says otherwise. */
/** "Tell me about the headaches." asks as a question does, without the question mark. */
function asks(reading: Reading): boolean {
  const { role, isQuestion, tokens } = reading.sentence;
  return role === 'clinician' && (isQuestion || (tokens[0]?.text === 'tell' && tokens[1]?.text === 'me') || tokens[0]?.text === 'describe');
}

function reportsSymptoms(reading: Reading): boolean {
  const { role, isQuestion, header, tokens } = reading.sentence;
  if (isQuestion) return false;
  if (header !== null) return REPORTING_SECTIONS.has(header);
  if (speaksForPatient(role) || role === 'narrator') return true;
  return says(tokens, SUMMING_UP);
}

class Findings {
  readonly all: SymptomFinding[] = [];

  add(mention: SymptomMention, at: { index: number; turn: number }, present: boolean, extra: { exertion?: boolean; uncertain?: boolean; confirmed?: boolean } = {}): SymptomFinding {
    const finding: SymptomFinding = {
      name: extra.exertion && mention.onExertion ? mention.onExertion : mention.name,
      place: mention.place,
      severity: null,
      duration: null,
      notes: [mention.note, extra.uncertain ? 'possible' : null].filter((note): note is string => note !== null),
      present,
      order: at.index * 10_000 + mention.span.start,
      said: !extra.confirmed,
      turn: at.turn,
      narrows: mention.narrows,
      painLike: mention.painLike,
    };
    this.all.push(finding);
    return finding;
  }

  /** The latest present finding said before `order`, pain first when asked for. */
  latest(before: number, within: number, preferPain: boolean): SymptomFinding | undefined {
    const recent = this.all.filter((finding) => finding.present && finding.order < before && finding.order >= before - within * 10_000);
    return (preferPain ? recent.filter((finding) => finding.painLike).at(-1) : undefined) ?? recent.at(-1);
  }
}

function hasExertion(tokens: readonly Token[]): boolean {
  return tokens.some((token) => EXERTION.has(token.text));
}

export function findSymptoms(readings: readonly Reading[]): SymptomFinding[] {
  const findings = new Findings();
  let lastQuestion: { readings: Reading[]; mentions: { mention: SymptomMention; index: number }[] } | null = null;

  for (let index = 0; index < readings.length; index += 1) {
    const reading = readings[index] as Reading;
    const { sentence } = reading;
    const tokens = sentence.tokens;
    const mentions = symptomMentions(readings, index);
    const here: SymptomFinding[] = [];

    if (asks(reading)) {
      const sameTurn: boolean = lastQuestion !== null && lastQuestion.readings.at(-1)?.sentence.turn === sentence.turn;
      lastQuestion = {
        readings: [...(sameTurn && lastQuestion ? lastQuestion.readings : []), reading],
        mentions: [
          ...(sameTurn && lastQuestion ? lastQuestion.mentions : []),
          ...mentions
            .filter((mention) => {
              const context = contextOf(mention.span, reading.context);
              return !context.other_person && !context.historical;
            })
            .map((mention) => ({ mention, index })),
        ],
      };
      continue;
    }

    const previous = readings[index - 1]?.sentence;
    const opensAnswer = lastQuestion !== null && speaksForPatient(sentence.role) && previous?.role === 'clinician' && previous.turn === sentence.turn - 1;
    const answered = opensAnswer ? lastQuestion : null;
    if (answered) answerQuestion(findings, answered, reading, index, mentions.length > 0, here);

    if (reportsSymptoms(reading)) {
      const exertion = hasExertion(tokens);
      for (const mention of mentions) {
        const context = contextOf(mention.span, reading.context);
        if (isAffirmed(context)) here.push(findings.add(mention, sentence, true, { exertion, uncertain: context.uncertain }));
        else if (context.negated && !context.hypothetical && !context.other_person) findings.add(mention, sentence, false);
      }
    }

    if (!answered || mentions.length > 0) attachAttributes(findings, reading, index, here, answered !== null);
    if (sentence.role === 'clinician' && !asks(reading)) lastQuestion = null;
  }
  return findings.all;
}

/** What the first sentence of an answer says about the symptoms the question named. */
function answerQuestion(
  findings: Findings,
  question: { readings: Reading[]; mentions: { mention: SymptomMention; index: number }[] },
  answer: Reading,
  index: number,
  answerNamesSymptoms: boolean,
  here: SymptomFinding[],
): void {
  const opening = answerOpening(answer.sentence.tokens);
  // An answer that opens with its own symptom ("Cramping, kind of all over") answers with that;
  // one that opens with anything else ("Up to thirty-nine, sweats at night") confirms the question.
  const firstClauseEnd = answer.sentence.tokens.findIndex((token) => token.text === ',' || token.text === ';');
  const clause = firstClauseEnd < 0 ? answer.sentence.tokens.length : firstClauseEnd;
  const opensWithSymptom = answerNamesSymptoms && answer.mentions.some((mention) => (mention.kind === 'symptom' || mention.kind === 'concept') && mention.start < clause);
  const negationInAnswer = answer.triggers.some((match) => match.start < clause && match.triggers.some((trigger) => trigger.kind === 'negated'));
  const presupposed = question.readings.some((reading) => PRESUPPOSING.has(reading.sentence.tokens[0]?.text ?? ''));
  const confirms =
    opening === 'yes' ||
    opening === 'maybe' ||
    (presupposed && opening !== 'no' && opening !== 'unknown') ||
    ((opening === 'some' || opening === 'other') && !opensWithSymptom && !negationInAnswer);
  const tokens = answer.sentence.tokens;
  const questionTokens = question.readings.flatMap((reading) => reading.sentence.tokens);

  // "Where is the pain?" — "Left side of my back": the answer says where.
  const answerPlace = firstPlace(answer);
  const exertion = hasExertion(tokens);
  for (const { mention } of question.mentions) {
    if (opening === 'no') findings.add(mention, answer.sentence, false, { confirmed: true });
    else if (confirms) {
      const placed = mention.name === 'Pain' && answerPlace ? { ...mention, name: localSymptomName('pain', answerPlace.region) ?? 'Pain', place: answerPlace } : mention;
      here.push(findings.add(placed, answer.sentence, true, { exertion, uncertain: opening === 'maybe', confirmed: true }));
    }
  }
  const severities = findSeverities(tokens, true);
  const durations = findDurations(tokens, says(questionTokens, HOW_LONG_QUESTION));
  const target = here[0] ?? (says(questionTokens, SCALE_QUESTION) || says(questionTokens, HOW_LONG_QUESTION) ? findings.latest(index * 10_000, 6, true) : undefined);
  if (!target) return;
  if (severities.length > 0 && (here.length > 0 || says(questionTokens, SCALE_QUESTION))) target.severity ??= currentSeverity(tokens, severities);
  if (durations[0]) for (const finding of here.length > 0 ? here : [target]) finding.duration ??= durations[0].text;
}

/** Severity and duration said in a sentence belong to its symptoms, or to the turn's last ones. */
function attachAttributes(findings: Findings, reading: Reading, index: number, here: SymptomFinding[], answered: boolean): void {
  const { tokens, turn, role } = reading.sentence;
  if (!(speaksForPatient(role) || role === 'narrator') && here.length === 0) return;
  const earlierInTurn = findings.all.filter((finding) => finding.present && finding.turn === turn && finding.order < index * 10_000);
  const lastSaid = earlierInTurn.filter((finding) => Math.floor(finding.order / 10_000) === Math.floor((earlierInTurn.at(-1)?.order ?? 0) / 10_000));
  const severities = findSeverities(tokens, here.length > 0 || earlierInTurn.length > 0 || answered);
  if (severities.length > 0) {
    const target = here.find((finding) => finding.painLike) ?? here[0] ?? earlierInTurn.filter((finding) => finding.painLike).at(-1) ?? earlierInTurn.at(-1);
    if (target) target.severity ??= currentSeverity(tokens, severities);
  }
  // Natural speech gives a sentence a duration or two; the cap keeps a pathological one linear.
  for (const duration of findDurations(tokens).slice(0, MAX_ATTRIBUTES)) {
    // A duration belongs to the symptoms of its own clause, else to those said before it.
    const clause = clauseAround(tokens, duration.start);
    const inClause = here.filter((finding) => finding.order % 10_000 >= clause.start && finding.order % 10_000 < clause.end);
    const before = here.filter((finding) => finding.order % 10_000 < duration.start);
    for (const finding of inClause.length > 0 ? inClause : before.length > 0 ? before : here.length > 0 ? here : lastSaid) finding.duration ??= duration.text;
  }
}

function clauseAround(tokens: readonly Token[], index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && tokens[start - 1]?.text !== ',' && tokens[start - 1]?.text !== ';') start -= 1;
  let end = index;
  while (end < tokens.length && tokens[end]?.text !== ',' && tokens[end]?.text !== ';') end += 1;
  return { start, end };
}
