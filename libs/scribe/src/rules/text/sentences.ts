// Sentence boundaries in a line of speech: ".", "!", "?" or ";" followed by a space or the end,
// except after a title or a dotted abbreviation ("Dr.", "b.i.d."). Decimals never split: their
// point is followed by a digit, not a space.

const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'st', 'vs', 'etc', 'approx', 'fig', 'prof', 'sr', 'jr']);

export function splitSentences(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char !== '.' && char !== '!' && char !== '?' && char !== ';') continue;
    const next = line[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\t' && next !== '"' && next !== "'") continue;
    if (char === '.') {
      const before = /([\p{L}.]+)$/u.exec(line.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      // "No. 2" is a number; "No. I didn't." is an answer.
      const numbered = before === 'no' && /^\s*\d/.test(line.slice(i + 1));
      if (ABBREVIATIONS.has(before) || numbered || /^(?:\p{L}\.)+\p{L}$/u.test(before)) continue;
    }
    const sentence = line.slice(start, i + 1).trim();
    if (sentence) sentences.push(sentence);
    start = i + 1;
  }
  const rest = line.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** A sentence as a note quotes it: hesitation sounds removed, spacing mended. */
export function withoutFillers(sentence: string): string {
  const cleaned = sentence
    .replace(/(^|[\s,])(?:uh|uhh|um|umm|uhm|er|erm|hmm)(?=[\s,.!?]|$),?/gi, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.!?;])/g, '$1')
    .replace(/^[\s,]+/, '')
    .trim();
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}
