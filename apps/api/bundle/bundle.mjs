#!/usr/bin/env node
// `nx run api:bundle`: the built API (apps/api/dist/main.js, tsc's output) as one ES module,
// apps/api/dist/main.bundle.mjs, which `nx run api:serve`, the Dockerfile and the benchmarks start.
//
// Why. Started from dist/main.js, Node resolves, reads and compiles some 2,700 module files
// (Nest, Fastify, class-validator, rxjs, pino…) before the API can listen: about 2.7 s of CPU on a
// 2-core machine, most of the time to a first 200 from /health/ready. One file cuts that to about
// 1.6 s (docs/performance.md). The bundle is made from tsc's output, which already carries the
// decorator metadata Nest's injection reads (esbuild alone would not emit it).
//
// Left outside the bundle, loaded from node_modules as before:
//   - @clinic/db and @prisma/*: Prisma's query compiler is WebAssembly loaded from its own files,
//     and libs/db finds its migrations and their checksums next to itself;
//   - swagger-ui-dist: serves its files from its own folder;
//   - @aws-sdk/*: loaded on first use, only where recordings go to S3;
//   - class-validator and class-transformer: @nestjs/mapped-types (OmitType and the like) loads
//     them with a require() of its own, made by createRequire at run time, which esbuild cannot
//     follow. Bundled, they would be there twice, and class-transformer keeps its metadata in its
//     module: an OmitType class would lose the @Type and @Transform decorators it inherits (a
//     patient's audit trail answered 400 to ?limit=2, an allergy update stored its text untrimmed),
//     where tsc's output, with one copy, kept them. Outside, both loaders share one copy;
//   - the optional packages Nest and Fastify import only if installed, which this API does not use
//     (Express, microservices, websockets, view engines, pg-native).
//
//   node apps/api/bundle/bundle.mjs [--entry=apps/api/dist/main.js] [--outfile=apps/api/dist/main.bundle.mjs]
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

export const OUTSIDE_THE_BUNDLE = [
  '@clinic/db',
  '@clinic/db/*',
  '@prisma/*',
  'swagger-ui-dist',
  'class-validator',
  'class-transformer',
  'class-transformer/*',
  '@aws-sdk/*',
  '@nestjs/platform-express',
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  '@nestjs/websockets',
  '@nestjs/websockets/*',
  '@fastify/view',
  'pg-native',
];

export async function bundleApi({ entry = 'apps/api/dist/main.js', outfile = 'apps/api/dist/main.bundle.mjs' } = {}) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: OUTSIDE_THE_BUNDLE,
    // CommonJS packages inside an ES module still call require(): give them Node's.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    // Class names stay as written: Nest's logs and error messages name providers by them.
    keepNames: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { entry: { type: 'string' }, outfile: { type: 'string' } } });
  await bundleApi({ entry: values.entry, outfile: values.outfile });
}
