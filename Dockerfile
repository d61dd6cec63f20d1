# gradbot: build dist/ with the native build tools, run it on a slim image as a non-root user.
# Node 22 is the LTS line the image runs on; package.json's engines (>=20.19) and CI stay on the
# Node 20 of the development machines, and both lines are supported by every dependency.
FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential python3 pkg-config \
    libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev libpixman-1-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# No --omit=optional: TypeScript 7's compiler arrives as an optional platform package.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY assets ./assets
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
    libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libjpeg62-turbo libgif7 librsvg2-2 libpixman-1-0 \
    fonts-dejavu-core tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The database and the trained models live on the /data volume; the local chat listens on all
# interfaces inside the container (publish the port only if you use it; an access code is then
# required, see .env.example).
ENV NODE_ENV=production \
    GRADBOT_DATA_DIR=/data \
    DATABASE_PATH=/data/gradbot.db \
    LOCAL_HOST=0.0.0.0 \
    LOCAL_PORT=8787 \
    HEALTH_PORT=8788
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY assets ./assets
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/healthcheck.js"]
# tini forwards SIGTERM to node, so `docker stop` ends rounds cleanly and closes the database.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
