# One image for the API and its release step (migrations). Nothing is downloaded at run time:
# migrations use the WebAssembly schema engine (tools/prisma-engine), not a native binary.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Every workspace's package.json, so that npm ci links them all (the API imports @clinic/fhir and @clinic/scribe).
COPY apps/api/package.json apps/api/package.json
COPY libs/db/package.json libs/db/package.json
COPY libs/fhir/package.json libs/fhir/package.json
COPY libs/scribe/package.json libs/scribe/package.json
COPY libs/api-client/package.json libs/api-client/package.json
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=db,api

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app /app
RUN npm prune --omit=dev --no-audit --no-fund || true
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
