// The routes beyond the case workflow in the OpenAPI document (so tools and the fuzz test find every
// route): map layers, alarms and incidents, command helpers, machine ingest, administration, assets
// and Open311. Bodies come from the contract's zod schemas where one exists.
import { z } from 'zod';
import { AlarmConfirmBody, AlarmNoteBody, ReadingBatch } from '@contract/alarms';
import {
  AdminCalendarPut,
  AdminDepartmentCreate,
  AdminDepartmentPatch,
  AdminThresholdsPut,
  AdminTimeLimitsPut,
  AdminUserCreate,
  AdminUserPatch,
} from '@contract/admin';
import { CameraStatusBatch, DetectionBody, IncidentBody, IncidentPatch, PositionBatch } from '@contract/city';

type Security = 'bearer' | 'ingestKey' | 'none';
type Route = [
  method: 'get' | 'post' | 'patch' | 'put' | 'delete',
  path: string,
  summary: string,
  security: Security,
  body?: z.ZodType,
];

const ROUTES: Route[] = [
  ['post', '/api/auth/logout', 'Sign out (ends the session)', 'bearer'],
  ['get', '/api/openapi.json', 'This document', 'none'],
  ['get', '/api/city/sources', 'Base map and 3D buildings sources', 'none'],
  ['get', '/api/city/roads', 'Road network (GeoJSON)', 'bearer'],
  ['get', '/api/city/route', 'Route between two points along the roads', 'bearer'],
  ['get', '/api/sim/snapshot/{name}', 'A generated camera snapshot (SVG)', 'none'],
  ['get', '/api/cameras', 'Video points (bbox, owner, status)', 'bearer'],
  ['get', '/api/cameras/near', 'Video points around a site', 'bearer'],
  ['get', '/api/sensors', 'Sensors with live status (bbox, type, status)', 'bearer'],
  ['get', '/api/sensors/{id}', 'One sensor, its thresholds and recent readings', 'bearer'],
  ['get', '/api/vehicles', 'Vehicles with live positions, and teams', 'bearer'],
  ['get', '/api/inspectors', 'Inspectors with live positions', 'bearer'],
  ['get', '/api/parts', 'City parts (bbox, class, paging)', 'bearer'],
  ['get', '/api/parts/columnar', 'All parts as parallel arrays', 'bearer'],
  ['get', '/api/parts/{id}', 'One part and its sensors', 'bearer'],
  ['get', '/api/grid', 'Grid cells (GeoJSON)', 'bearer'],
  ['get', '/api/divisions', 'Administrative divisions (GeoJSON)', 'bearer'],
  ['get', '/api/units/recommend', 'Vehicles ranked by travel time to a site', 'bearer'],
  ['get', '/api/alarms', "Alarms in the viewer's scope", 'bearer'],
  ['get', '/api/alarms/{id}', 'One alarm and recent readings', 'bearer'],
  ['post', '/api/alarms/{id}/acknowledge', 'Acknowledge an alarm', 'bearer', AlarmNoteBody],
  [
    'post',
    '/api/alarms/{id}/confirm',
    'Confirm an alarm as a case or an incident',
    'bearer',
    AlarmConfirmBody,
  ],
  ['post', '/api/alarms/{id}/false', 'Mark an alarm false', 'bearer', AlarmNoteBody],
  ['get', '/api/incidents', "Incidents in the viewer's scope", 'bearer'],
  ['post', '/api/incidents', 'Open an incident', 'bearer', IncidentBody],
  ['get', '/api/incidents/{id}', 'One incident', 'bearer'],
  ['patch', '/api/incidents/{id}', 'Command an incident', 'bearer', IncidentPatch],
  ['post', '/api/ingest/readings', 'Sensor readings (up to 5,000)', 'ingestKey', ReadingBatch],
  ['post', '/api/ingest/cameras/status', 'Camera status changes', 'ingestKey', CameraStatusBatch],
  ['post', '/api/ingest/detections', 'Video-AI detections (one or a batch)', 'ingestKey', DetectionBody],
  ['post', '/api/ingest/positions', 'GPS positions of vehicles and inspectors', 'ingestKey', PositionBatch],
  ['get', '/api/ingest/devices', 'Device registry for gateways', 'ingestKey'],
  ['get', '/api/ingest/tickets/{ref}', 'Result of a 12345 ticket', 'ingestKey'],
  ['get', '/api/admin/audit', 'Audit trail (administrators)', 'bearer'],
  ['get', '/api/admin/audit.csv', 'Audit trail as CSV (administrators)', 'bearer'],
  [
    'post',
    '/api/admin/lockouts/unlock',
    'Lift a sign-in lock (administrators)',
    'bearer',
    z.object({ username: z.string().optional(), address: z.string().optional() }),
  ],
  ['get', '/tiles/base/{z}/{x}/{y}.png', 'Base-map tile', 'none'],
  ['get', '/tiles/buildings/tileset.json', '3D Tiles of the buildings', 'none'],
  ['get', '/media/demo/{file}', 'Demo video streams', 'none'],
  ['get', '/open311/v2/services.json', 'Open311 services (also .xml)', 'none'],
  ['get', '/open311/v2/services.xml', 'Open311 services as XML', 'none'],
  ['get', '/open311/v2/requests.json', 'Open311 requests (also .xml)', 'none'],
  ['post', '/open311/v2/requests.json', 'Open311: report a problem (form or JSON; also .xml)', 'none'],
  ['get', '/open311/v2/requests.xml', 'Open311 requests as XML', 'none'],
  ['post', '/open311/v2/requests.xml', 'Open311: report a problem, XML answer', 'none'],
  ['get', '/open311/v2/requests/{id}.json', 'One Open311 request (also .xml)', 'none'],
  ['get', '/open311/v2/requests/{id}.xml', 'One Open311 request as XML', 'none'],
  // Administration of reference data and settings (docs/adr/0020)
  ['get', '/api/admin/users', 'Users and roles (administrators)', 'bearer'],
  ['post', '/api/admin/users', 'Add a user (administrators)', 'bearer', AdminUserCreate],
  ['patch', '/api/admin/users/{id}', 'Change a user (administrators)', 'bearer', AdminUserPatch],
  ['get', '/api/admin/changes', 'Administration changes (entity, entityId, limit)', 'bearer'],
  ['get', '/api/admin/departments', 'Departments with categories and versions', 'bearer'],
  ['post', '/api/admin/departments', 'Add a department', 'bearer', AdminDepartmentCreate],
  [
    'patch',
    '/api/admin/departments/{id}',
    'Change or deactivate a department',
    'bearer',
    AdminDepartmentPatch,
  ],
  ['delete', '/api/admin/departments/{id}', 'Delete an unreferenced department (?version=)', 'bearer'],
  ['get', '/api/admin/time-limits/{categoryId}', "A category's time limits (default: all)", 'bearer'],
  [
    'put',
    '/api/admin/time-limits/{categoryId}',
    "Replace a category's time limits",
    'bearer',
    AdminTimeLimitsPut,
  ],
  ['get', '/api/admin/calendar/{year}', 'Holidays and make-up working days of a year', 'bearer'],
  ['put', '/api/admin/calendar/{year}', "Replace a year's calendar exceptions", 'bearer', AdminCalendarPut],
  ['get', '/api/admin/thresholds/{sensorType}', 'Alarm thresholds of a type or a sensor', 'bearer'],
  ['put', '/api/admin/thresholds/{sensorType}', 'Replace alarm thresholds', 'bearer', AdminThresholdsPut],
  ['get', '/api/admin/run-cards', 'Run cards in force with versions', 'bearer'],
  ['get', '/api/run-cards', 'Edited run cards', 'bearer'],
  ['put', '/api/run-cards/{type}/{level}', 'Change a run card (administrators)', 'bearer'],
  ['get', '/api/evaluation/settings', 'Evaluation settings in force and history', 'bearer'],
  ['put', '/api/evaluation/settings', 'New evaluation settings version (administrators)', 'bearer'],
];

const toJson = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

/** OpenAPI path items for the routes above, keyed by path. */
export function extraPaths(errorRef: object): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, summary, security, body] of ROUTES) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    (paths[path] ??= {})[method] = {
      summary,
      security: security === 'none' ? [] : [{ [security]: [] }],
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: { content: { 'application/json': { schema: toJson(body) } } } } : {}),
      responses: {
        '200': { description: 'ok' },
        '400': { description: 'invalid input; the message says what to fix', ...errorRef },
        '401': { description: 'not signed in, or no ingest key', ...errorRef },
        '403': { description: 'role or scope does not allow this', ...errorRef },
        '404': { description: "not found (or outside the viewer's scope)", ...errorRef },
      },
    };
  }
  return paths;
}
