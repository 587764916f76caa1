// Mounts the city's root-level routes in front of the application: the public Open311 GeoReport v2
// endpoints (/open311/v2/…), base-map and 3D tiles (/tiles/…) and demo video (/media/…). Security
// headers go on every answer, and the last handler turns any error left into the project's error shape.
import express from 'express';
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import { assetRouter } from './assets';
import { errorHandler, notFoundHandler } from './errors';
import { securityHeaders } from './headers';
import { open311Router } from './open311';

export function withCityRoutes(
  app: express.Express,
  ctx: ServerContext,
  cases: CaseService,
): express.Express {
  const root = express();
  root.disable('x-powered-by');
  root.set('trust proxy', 'loopback');
  root.use(securityHeaders());
  root.use('/open311', open311Router(ctx, cases));
  root.use(assetRouter());
  root.use(app);
  root.use(notFoundHandler);
  root.use(errorHandler(ctx.log));
  return root;
}
