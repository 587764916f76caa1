// The administrator's client: users and roles, reference data and settings (departments, time limits,
// the working calendar, alarm thresholds, run cards, evaluation settings), and the change history.
import {
  AdminCalendar,
  AdminChangeView,
  AdminDepartment,
  AdminRunCard,
  AdminThresholds,
  AdminTimeLimits,
  AdminUser,
  type AdminCalendarPut,
  type AdminCategoryPatch,
  type AdminDepartmentCreate,
  type AdminDepartmentPatch,
  type AdminEntity,
  type AdminThresholdsPut,
  type AdminTimeLimitsPut,
  type AdminUserCreate,
  type AdminUserPatch,
} from '@contract/admin';
import type { SensorType } from '@contract/alarms';
import type { Role } from '@contract/domain';
import { EvaluationSettings } from '@contract/evaluation';
import type { RunCardNeed } from '@contract/incidents';
import { z } from 'zod';
import type { ApiClient } from './api';

const Users = z.object({ users: z.array(AdminUser) });
const One = z.object({ user: AdminUser });
const Changes = z.object({ changes: z.array(AdminChangeView) });
const Departments = z.object({ departments: z.array(AdminDepartment) });
const Department = z.object({ department: AdminDepartment });
const Cards = z.object({ cards: z.array(AdminRunCard) });
const Anything = z.unknown();
const SettingsVersion = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  note: z.string(),
  value: EvaluationSettings,
});
const Settings = z.object({ current: SettingsVersion, history: z.array(SettingsVersion) });
export type EvaluationSettingsView = z.infer<typeof Settings>;

export interface AdminClient {
  users(q: string, role: Role | null): Promise<AdminUser[]>;
  create(body: AdminUserCreate): Promise<AdminUser>;
  update(id: string, patch: AdminUserPatch): Promise<AdminUser>;
  changes(entity: AdminEntity, entityId?: string, limit?: number): Promise<AdminChangeView[]>;
  departments(): Promise<AdminDepartment[]>;
  createDepartment(body: AdminDepartmentCreate): Promise<AdminDepartment>;
  updateDepartment(id: string, patch: AdminDepartmentPatch): Promise<AdminDepartment>;
  updateCategory(id: string, patch: AdminCategoryPatch): Promise<void>;
  timeLimits(categoryId: string): Promise<AdminTimeLimits>;
  putTimeLimits(categoryId: string, body: AdminTimeLimitsPut): Promise<AdminTimeLimits>;
  calendar(year: number): Promise<AdminCalendar>;
  putCalendar(year: number, body: AdminCalendarPut): Promise<AdminCalendar>;
  thresholds(type: SensorType, sensorId: string | null): Promise<AdminThresholds>;
  putThresholds(
    type: SensorType,
    sensorId: string | null,
    body: AdminThresholdsPut,
  ): Promise<AdminThresholds>;
  runCards(): Promise<AdminRunCard[]>;
  putRunCard(type: string, level: number, needs: RunCardNeed[], version: number): Promise<void>;
  evaluationSettings(): Promise<EvaluationSettingsView>;
  putEvaluationSettings(value: EvaluationSettings, note: string, version: number): Promise<void>;
}

const enc = encodeURIComponent;
const sensorQuery = (sensorId: string | null) => (sensorId ? `?sensorId=${enc(sensorId)}` : '');

export function createAdminClient(api: ApiClient): AdminClient {
  return {
    async users(q, role) {
      const params = new URLSearchParams({ limit: '300' });
      if (q.trim()) params.set('q', q.trim());
      if (role) params.set('role', role);
      return (await api.get(`/admin/users?${params.toString()}`, Users)).users;
    },
    create: async (body) => (await api.post('/admin/users', body, One)).user,
    update: async (id, patch) => (await api.patch(`/admin/users/${enc(id)}`, patch, One)).user,
    async changes(entity, entityId, limit = 20) {
      const params = new URLSearchParams({ entity, limit: String(limit) });
      if (entityId) params.set('entityId', entityId);
      return (await api.get(`/admin/changes?${params.toString()}`, Changes)).changes;
    },
    departments: async () => (await api.get('/admin/departments', Departments)).departments,
    createDepartment: async (body) => (await api.post('/admin/departments', body, Department)).department,
    updateDepartment: async (id, patch) =>
      (await api.patch(`/admin/departments/${enc(id)}`, patch, Department)).department,
    async updateCategory(id, patch) {
      await api.patch(`/admin/categories/${enc(id)}`, patch, Anything);
    },
    timeLimits: (categoryId) => api.get(`/admin/time-limits/${enc(categoryId)}`, AdminTimeLimits),
    putTimeLimits: (categoryId, body) =>
      api.put(`/admin/time-limits/${enc(categoryId)}`, body, AdminTimeLimits),
    calendar: (year) => api.get(`/admin/calendar/${year}`, AdminCalendar),
    putCalendar: (year, body) => api.put(`/admin/calendar/${year}`, body, AdminCalendar),
    thresholds: (type, sensorId) =>
      api.get(`/admin/thresholds/${type}${sensorQuery(sensorId)}`, AdminThresholds),
    putThresholds: (type, sensorId, body) =>
      api.put(`/admin/thresholds/${type}${sensorQuery(sensorId)}`, body, AdminThresholds),
    runCards: async () => (await api.get('/admin/run-cards', Cards)).cards,
    async putRunCard(type, level, needs, version) {
      await api.put(`/run-cards/${enc(type)}/${level}`, { needs, version }, Anything);
    },
    evaluationSettings: () => api.get('/evaluation/settings', Settings),
    async putEvaluationSettings(value, note, version) {
      await api.put('/evaluation/settings', { value, note, version }, Anything);
    },
  };
}
