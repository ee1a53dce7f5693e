import type { Narrative } from '@medplum/fhirtypes';

/** Trimmed text, or undefined for null and blanks: FHIR strings may not be empty. */
export function presentText(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

// Characters XML 1.0 cannot carry at all (C0 controls but tab, line feed and carriage return,
// lone surrogates, U+FFFE/U+FFFF). A note typed or pasted with one must still render.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeXhtml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One paragraph per entry, line breaks kept, every character escaped: text never becomes markup. */
export function narrative(paragraphs: readonly string[]): Narrative {
  const body = paragraphs.map((paragraph) => `<p>${escapeXhtml(paragraph).replace(/\r?\n/g, '<br/>')}</p>`).join('');
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` };
}
