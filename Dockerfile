# One image for the API and its release step (migrations). Nothing is downloaded at run time:
# migrations use the WebAssembly schema engine (tools/prisma-engine), not a native binary.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/package.json
COPY libs/db/package.json libs/db/package.json
COPY libs/scribe/package.json libs/scribe/package.json
COPY libs/fhir/package.json libs/fhir/package.json
COPY libs/api-client/package.json libs/api-client/package.json
# No package's install script is needed (the schema engine is not downloaded, see above), and
# npm 10 in this image would run them: prisma's would try to fetch a native engine.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npx nx run-many -t build --projects=db,api
# The API as one module file (apps/api/bundle/bundle.mjs says why): it starts in about half the time.
RUN npx nx run api:bundle

FROM node:20-bookworm-slim
# V8 grows its heap by a factor it sizes from the heap's limit: left at the default (4 GB on a
# large host) an API under load held twice the memory it needs before collecting; with 512 MB it
# stays near its working set (docs/operations.md, "Memory"). Raise it for very large exports.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 NODE_OPTIONS=--max-old-space-size=512
WORKDIR /app
COPY --from=build /app /app
# The build and test tools (nx, eslint, supertest …) stay out of the image; the
# migration CLI (prisma, tsx for the seeds) is a runtime dependency and stays. A prune that
# fails fails the build.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.bundle.mjs"]
