// FHIR's rules for a narrative's XHTML (txt-1, txt-2), which @medplum/core does not check: one
// <div> in the XHTML namespace, well-formed, no active content, some text. A small scanner for
// the narratives this library writes, not a general XML parser.

const OPENING = '<div xmlns="http://www.w3.org/1999/xhtml">';
const FORBIDDEN = new Set(['script', 'style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'base', 'link', 'meta', 'applet', 'frame', 'frameset', 'head', 'html', 'body', 'textarea', 'select']);
const VOID = new Set(['br', 'hr', 'img']);
const TOKEN = /<\/?([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z:-]+="[^"<]*")*)\s*(\/?)>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);|[^<&]+|[<&]/g;

/** What is wrong with a narrative's div; empty when it follows the rules. */
export function narrativeProblems(div: string): string[] {
  if (!div.startsWith(OPENING) || !div.endsWith('</div>')) return [`the narrative must be one <div xmlns="http://www.w3.org/1999/xhtml">`];
  const problems: string[] = [];
  const open: string[] = [];
  let text = '';
  for (const match of div.matchAll(TOKEN)) {
    const [token, name, attributes, selfClosing] = match;
    if (token === '<' || token === '&') {
      problems.push(`a bare "${token}" (it must be escaped)`);
    } else if (name) {
      const element = name.toLowerCase();
      if (FORBIDDEN.has(element)) problems.push(`element <${element}> is not allowed`);
      if (/\son[a-z]+=/i.test(attributes ?? '')) problems.push(`event attributes are not allowed (<${element}>)`);
      if (token.startsWith('</')) {
        if (open.at(-1) === element) open.pop();
        else problems.push(`</${element}> does not close the open <${open.at(-1) ?? 'div'}>`);
      } else if (!selfClosing && !VOID.has(element)) {
        open.push(element);
      }
    } else if (!token.startsWith('&')) {
      text += token;
    } else {
      text += 'x';
    }
  }
  if (open.length > 0) problems.push(`unclosed <${open.join('>, <')}>`);
  if (text.trim() === '') problems.push('the narrative has no text');
  return problems;
}
