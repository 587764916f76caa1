// Route guards over access/rules.ts: a feature a role may use (403 otherwise, in the project's error
// shape) and the incident an incident route names (404 outside the viewer's scope, so existence does not
// leak; 403 when the viewer may read but not command it).
import type { RequestHandler } from 'express';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import { FEATURE_DENIED, mayAct, mayRead, mayUse, type Feature } from '../access/rules';
import { forbidden, notFound } from '../errors';
import { actorOf } from './auth';

/** Lets the request on only when the signed-in user may use this feature (after requireActor). */
export function allow(feature: Feature): RequestHandler {
  return (req, _res, next) => {
    next(mayUse(feature, actorOf(req)) ? undefined : forbidden(FEATURE_DENIED[feature]));
  };
}

/** The incident's scope, checked for reading (404) and, with `act`, for commanding (403). */
export async function incidentInScope(
  ctx: ServerContext,
  id: string,
  actor: Actor,
  act = false,
): Promise<void> {
  const row = await ctx.db.incident.findUnique({ where: { id }, select: { districtCode: true } });
  const record = { departmentId: null, districtCode: row?.districtCode ?? null };
  if (!row || !mayRead('incident', actor, record)) throw notFound(`incident ${id}`);
  if (act && !mayAct('incident', actor, record))
    throw forbidden({
      zh: '只有辖区内的指挥长或派遣员可以指挥该事件',
      en: 'Only a commander or dispatcher in scope commands this incident',
    });
}
