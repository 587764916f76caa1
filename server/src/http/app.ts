// The Express application: API routes, the built renderer, and uniform errors.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Health, CityConfig } from '@contract/http';
import type { ServerContext } from '../context';
import { errorHandler, notFoundHandler } from './errors';

export function createApp(ctx: ServerContext, mountApi: Array<(router: express.Router) => void> = []) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '1mb' }));

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path.startsWith('/api') || res.statusCode >= 400) {
        ctx.log.debug('http', {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        });
      }
    });
    next();
  });

  const api = express.Router();
  api.get('/health', async (_req, res) => {
    let ok = true;
    try {
      await ctx.db.$queryRawUnsafe('SELECT 1');
    } catch {
      ok = false;
    }
    const body: Health = {
      status: ok ? 'ok' : 'degraded',
      node: ctx.config.nodeId,
      version: ctx.version,
      uptimeS: Math.round(process.uptime()),
      database: { provider: ctx.config.database.provider, ok },
      simulator: ctx.config.simulator,
    };
    res.status(ok ? 200 : 503).json(body);
  });
  api.get('/city', (_req, res) => {
    const body: CityConfig = { ...ctx.city, drill: ctx.config.drill };
    res.json(body);
  });
  for (const mount of mountApi) mount(api);
  api.use(notFoundHandler);
  app.use('/api', api);

  const index = path.join(ctx.config.rendererDir, 'index.html');
  if (fs.existsSync(index)) {
    app.use(express.static(ctx.config.rendererDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(index));
  } else {
    app.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          '渲染端尚未构建 / The renderer is not built yet: run `npm run build` (npm start does it for you).',
        );
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.log));
  return app;
}
