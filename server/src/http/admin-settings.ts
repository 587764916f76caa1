// Administration of reference data and settings (admin only; everyone else 403). Every write carries the
// `version` the client edited (409 with the current state when it is stale) and commits with its audit
// entry; the running server then uses the new values (docs/adr/0020).
//   GET    /api/admin/departments                      departments with categories, case counts, versions
//   POST   /api/admin/departments {id, name, kind, …}
//   PATCH  /api/admin/departments/:id {version, …}      active: false deactivates
//   DELETE /api/admin/departments/:id?version=          only when nothing refers to it (else 409)
//   GET    /api/admin/time-limits/:categoryId          a category's own rows ("default": every category's)
//   PUT    /api/admin/time-limits/:categoryId {version, rows}
//   GET    /api/admin/calendar/:year                   holidays and make-up working days
//   PUT    /api/admin/calendar/:year {version, days}
//   GET    /api/admin/thresholds/:sensorType?sensorId= a type's alarm thresholds, or one sensor's
//   PUT    /api/admin/thresholds/:sensorType?sensorId= {version, rows}
//   GET    /api/admin/run-cards                        every incident type × level in force, with versions
// Run cards are written through PUT /api/run-cards/:type/:level and evaluation settings through
// PUT /api/evaluation/settings (both audited the same way).
import type { Router } from 'express';
import { z } from 'zod';
import {
  AdminCalendarPut,
  AdminDepartmentCreate,
  AdminDepartmentPatch,
  AdminThresholdsPut,
  AdminTimeLimitsPut,
  type AdminRunCard,
} from '@contract/admin';
import { SensorType } from '@contract/alarms';
import { INCIDENT_LEVELS, INCIDENT_TYPES } from '@contract/incidents';
import { AdminDepartments } from '../admin/departments';
import { AdminLimitsCalendar } from '../admin/limits-calendar';
import { AdminThresholdsService } from '../admin/thresholds';
import { requireAdmin, versionsOf } from '../audit/admin-changes';
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import { loadReference } from '../db/reference';
import { runCardFor } from '../domain/incidents';
import type { Iot } from '../ingest';
import type { Command } from '../incidents';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';

const Year = z.coerce.number().int().min(2000, 'year: 2000–2100').max(2100, 'year: 2000–2100');
const SensorQuery = z.object({ sensorId: z.string().trim().min(1).max(64).optional() });
const VersionQuery = z.object({ version: z.coerce.number().int().min(0) });

/** Re-reads what the running node keeps in memory of the settings (all nodes, via settings-watch.ts). */
export function settingsReloader(ctx: ServerContext, cases: CaseService, iot: Iot) {
  return async () => {
    cases.ref = await loadReference(ctx.db);
    await iot.engine.reloadThresholds();
  };
}

export function mountAdminSettings(ctx: ServerContext, cases: CaseService, iot: Iot, command: Command) {
  // New clocks, routing and deadlines read the reference in memory: reload it after each change.
  const reloadReference = async () => {
    cases.ref = await loadReference(ctx.db);
  };
  const departments = new AdminDepartments(ctx, reloadReference);
  const limits = new AdminLimitsCalendar(ctx, reloadReference);
  const thresholds = new AdminThresholdsService(ctx, () => iot.engine.reloadThresholds());
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/admin/departments',
      auth,
      asyncHandler(async (req, res) => {
        res.json({ departments: await departments.list(actorOf(req)) });
      }),
    );
    router.post(
      '/admin/departments',
      auth,
      asyncHandler(async (req, res) => {
        requireAdmin(actorOf(req), '管理部门 / manage departments');
        const body = parseOr400(AdminDepartmentCreate, req.body ?? {}, 'department');
        res.status(201).json({ department: await departments.create(body, actorOf(req)) });
      }),
    );
    router.patch(
      '/admin/departments/:id',
      auth,
      asyncHandler(async (req, res) => {
        requireAdmin(actorOf(req), '管理部门 / manage departments');
        const patch = parseOr400(AdminDepartmentPatch, req.body ?? {}, 'department change');
        res.json({ department: await departments.update(String(req.params.id), patch, actorOf(req)) });
      }),
    );
    router.delete(
      '/admin/departments/:id',
      auth,
      asyncHandler(async (req, res) => {
        requireAdmin(actorOf(req), '管理部门 / manage departments');
        const { version } = parseOr400(VersionQuery, req.query, 'department removal (?version=)');
        res.json(await departments.remove(String(req.params.id), version, actorOf(req)));
      }),
    );
    router.get(
      '/admin/time-limits/:categoryId',
      auth,
      asyncHandler(async (req, res) => {
        res.json(await limits.limits(String(req.params.categoryId), actorOf(req)));
      }),
    );
    router.put(
      '/admin/time-limits/:categoryId',
      auth,
      asyncHandler(async (req, res) => {
        requireAdmin(actorOf(req), '修改时限 / change time limits');
        const body = parseOr400(AdminTimeLimitsPut, req.body ?? {}, 'time limits');
        res.json(await limits.putLimits(String(req.params.categoryId), body, actorOf(req)));
      }),
    );
    router.get(
      '/admin/calendar/:year',
      auth,
      asyncHandler(async (req, res) => {
        const year = parseOr400(Year, req.params.year, 'year');
        res.json(await limits.calendar(year, actorOf(req)));
      }),
    );
    router.put(
      '/admin/calendar/:year',
      auth,
      asyncHandler(async (req, res) => {
        requireAdmin(actorOf(req), '修改工作日历 / change the working calendar');
        const year = parseOr400(Year, req.params.year, 'year');
        const body = parseOr400(AdminCalendarPut, req.body ?? {}, 'calendar');
        res.json(await limits.putCalendar(year, body, actorOf(req)));
      }),
    );
    router.get(
      '/admin/thresholds/:sensorType',
      auth,
      asyncHandler(async (req, res) => {
        requireAdmin(actorOf(req), '查看报警阈值 / read alarm thresholds');
        const type = parseOr400(SensorType, req.params.sensorType, 'sensor type');
        const { sensorId } = parseOr400(SensorQuery, req.query, 'threshold query');
        res.json(await thresholds.get(type, sensorId ?? null, actorOf(req)));
      }),
    );
    router.put(
      '/admin/thresholds/:sensorType',
      auth,
      asyncHandler(async (req, res) => {
        requireAdmin(actorOf(req), '修改报警阈值 / change alarm thresholds');
        const type = parseOr400(SensorType, req.params.sensorType, 'sensor type');
        const { sensorId } = parseOr400(SensorQuery, req.query, 'threshold query');
        const body = parseOr400(AdminThresholdsPut, req.body ?? {}, 'thresholds');
        res.json(await thresholds.put(type, sensorId ?? null, body, actorOf(req)));
      }),
    );
    router.get(
      '/admin/run-cards',
      auth,
      asyncHandler(async (req, res) => {
        requireAdmin(actorOf(req), '查看出动方案 / read run cards');
        const edited = await command.reads.runCards();
        const keys = INCIDENT_TYPES.flatMap((type) => INCIDENT_LEVELS.map((level) => `${type}:${level}`));
        const versions = await versionsOf(ctx.db, 'runCard', keys);
        const cards: AdminRunCard[] = INCIDENT_TYPES.flatMap((type) =>
          INCIDENT_LEVELS.map((level) => ({
            ...runCardFor(type, level, edited),
            edited: edited.some((c) => c.type === type && c.level === level),
            version: versions.get(`${type}:${level}`) ?? 0,
          })),
        );
        res.json({ cards });
      }),
    );
  };
}
