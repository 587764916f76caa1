# One city-ops server node (compose.yaml runs two behind nginx; docs/deploy.md). The Electron binary is
# not needed on a server; the build step writes the Prisma clients, the renderer bundle and the city tiles.
FROM node:20-bookworm-slim
WORKDIR /app
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1 NODE_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN npm run build
EXPOSE 5870
CMD ["node", "--import", "tsx", "server/src/main.ts"]
