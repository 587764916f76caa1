// Mounts the city's root-level routes in front of the application: the public Open311 GeoReport v2
// endpoints (/open311/v2/…), base-map and 3D tiles (/tiles/…) and demo video (/media/…).
import express from 'express';
import type { ServerContext } from '../context';
import type { CaseService } from '../db/cases/service';
import { assetRouter } from './assets';
import { open311Router } from './open311';

export function withCityRoutes(
  app: express.Express,
  ctx: ServerContext,
  cases: CaseService,
): express.Express {
  const root = express();
  root.disable('x-powered-by');
  root.set('trust proxy', 'loopback');
  root.use('/open311', open311Router(ctx, cases));
  root.use(assetRouter());
  root.use(app);
  return root;
}
