import type { OpenAPIObject } from '@nestjs/swagger';

// Nest lists paths and schemas in the order modules and controllers were registered, so moving a
// module would rewrite the committed document. Maps keyed by name are sorted instead; what has a
// reading order of its own (a schema's properties, an operation's fields) keeps the code's order.

const METHOD_ORDER = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedByKey<T>(map: Record<string, T>, compare: (a: string, b: string) => number = byName): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => compare(a, b)));
}

function byMethod(a: string, b: string): number {
  const rank = (key: string) => (METHOD_ORDER.includes(key) ? METHOD_ORDER.indexOf(key) : -1);
  return rank(a) - rank(b);
}

export function inStableOrder(document: OpenAPIObject): OpenAPIObject {
  const paths = sortedByKey(document.paths);
  for (const [path, item] of Object.entries(paths)) {
    const operations = sortedByKey(item as Record<string, unknown>, byMethod);
    for (const operation of Object.values(operations)) {
      const responses = (operation as { responses?: Record<string, unknown> }).responses;
      if (responses) (operation as { responses: Record<string, unknown> }).responses = sortedByKey(responses);
    }
    paths[path] = operations;
  }
  const components = document.components && {
    ...document.components,
    ...(document.components.schemas && { schemas: sortedByKey(document.components.schemas) }),
  };
  return { ...document, paths, ...(components && { components }) };
}
