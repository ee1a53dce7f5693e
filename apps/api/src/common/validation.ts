import { BadRequestException, type PipeTransform, type ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldError {
  field: string;
  messages: string[];
}

/** The 400 body every input refusal shares: the validation pipe's, the UUID params', the text guard's. */
export function invalidInput(errors: FieldError[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Validation failed', errors });
}

/** Nested DTO errors flattened to dotted field paths (`address.city`, `items.0.name`). */
function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Strict input: unknown fields are refused (not silently dropped), types are converted from
 * strings where the DTO says so, and every problem is reported at once with its field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => invalidInput(flatten(errors)),
  });
}

/** How deep a JSON body may nest; the API's deepest body is three levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * The nesting depth of a JSON text, counted without parsing it (and so without recursion): a
 * body nested ten thousand levels deep is refused before anything walks it.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

// U+0000 cannot be stored in PostgreSQL text at all; a lone surrogate half is no character.
function unstorable(text: string): boolean {
  return text.includes('\u0000') || !text.isWellFormed();
}

function findUnstorable(value: unknown, path: string, found: string[], depth = 0): void {
  if (typeof value === 'string') {
    if (unstorable(value)) found.push(path || 'value');
  } else if (value !== null && typeof value === 'object' && depth <= MAX_JSON_DEPTH) {
    for (const [key, item] of Object.entries(value)) findUnstorable(item, path ? `${path}.${key}` : key, found, depth + 1);
  }
}

/**
 * Global, before validation: no text anywhere in a body, query or path may hold NUL or a lone
 * surrogate, whatever the field. Each field's own rule (common/fields/text.ts) is stricter; this
 * one holds by construction for every field, so such a value can never reach the database as a
 * 500.
 */
export class RefuseUnstorableText implements PipeTransform {
  transform(value: unknown): unknown {
    const found: string[] = [];
    findUnstorable(value, '', found);
    if (found.length > 0) throw invalidInput(found.map((field) => ({ field, messages: [`${field} must not contain NUL characters or broken Unicode`] })));
    return value;
  }
}
