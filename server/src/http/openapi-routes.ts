// The routes beyond the case workflow in the OpenAPI document (so tools and the fuzz test find every
// route): map layers, alarms and incidents, command helpers, machine ingest, administration, assets
// and Open311, emergency command, evaluation, duty, photos, playback, drills. Bodies and queries come
// from the contract's zod schemas (or the route's own) where one exists. tests/integration/
// openapi-drift.test.ts fails when a mounted route is missing here.
import { z } from 'zod';
import { AlarmConfirmBody, AlarmNoteBody, ReadingBatch } from '@contract/alarms';
import {
  AdminCalendarPut,
  AdminDepartmentCreate,
  AdminDepartmentPatch,
  AdminThresholdsPut,
  AdminTimeLimitsPut,
  AdminChangeQuery,
  AdminUserCreate,
  AdminUserPatch,
  AdminUserQuery,
} from '@contract/admin';
import { CameraStatusBatch, DetectionBody, IncidentBody, IncidentPatch, PositionBatch } from '@contract/city';
import { HandoverAcceptBody, HandoverBody } from '@contract/duty';
import { EvaluationQuery } from '@contract/evaluation';
import { IncidentCommandBody, UnitStatusBody } from '@contract/incidents';
import { PlaybackAtQuery, PlaybackPeriodQuery, PlaybackTracksQuery } from '@contract/playback';
import { ControlBody, StartBody } from './drills';
import { HandoverListQuery } from './duty';
import { HotspotQuery, SettingsBody, TrendQuery } from './evaluation';
import { ResponseTimeQuery, RunCardBody, UnitQuery } from './incident-command';
import { AuditQuery, Unlock } from './security-admin';

type Security = 'bearer' | 'ingestKey' | 'none';
/** A JSON body, a query (an object schema: its keys are the parameters), or the raw image bytes. */
type Input = z.ZodType | { query: z.ZodType } | 'image';
type Route = [
  method: 'get' | 'post' | 'patch' | 'put' | 'delete',
  path: string,
  summary: string,
  security: Security,
  input?: Input,
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
  [
    'post',
    '/api/ingest/readings',
    'Sensor readings (up to 5,000; 503 + Retry-After when the node is full)',
    'ingestKey',
    ReadingBatch,
  ],
  ['post', '/api/ingest/cameras/status', 'Camera status changes', 'ingestKey', CameraStatusBatch],
  ['post', '/api/ingest/detections', 'Video-AI detections (one or a batch)', 'ingestKey', DetectionBody],
  ['post', '/api/ingest/positions', 'GPS positions of vehicles and inspectors', 'ingestKey', PositionBatch],
  ['get', '/api/ingest/devices', 'Device registry for gateways', 'ingestKey'],
  ['get', '/api/ingest/tickets/{ref}', 'Result of a 12345 ticket', 'ingestKey'],
  ['get', '/api/admin/audit', 'Audit trail (administrators)', 'bearer', { query: AuditQuery }],
  ['get', '/api/admin/audit.csv', 'Audit trail as CSV (administrators)', 'bearer', { query: AuditQuery }],
  ['post', '/api/admin/lockouts/unlock', 'Lift a sign-in lock (administrators)', 'bearer', Unlock],
  ['get', '/api/admin/users', 'Users and their roles (administrators)', 'bearer', { query: AdminUserQuery }],
  ['post', '/api/admin/users', 'Create a user (administrators)', 'bearer', AdminUserCreate],
  ['patch', '/api/admin/users/{id}', 'Change a user (administrators)', 'bearer', AdminUserPatch],
  [
    'get',
    '/api/admin/changes',
    'Administrative changes (administrators)',
    'bearer',
    { query: AdminChangeQuery },
  ],
  // Emergency command (docs/adr/0013)
  ['get', '/api/units', 'Dispatch units with status and fix age', 'bearer', { query: UnitQuery }],
  ['post', '/api/units/{id}/status', "A unit's status by hand", 'bearer', UnitStatusBody],
  ['get', '/api/incidents/{id}/command', 'Command drawer: roster, ETAs, segments', 'bearer'],
  ['get', '/api/incidents/{id}/timeline', "An incident's timeline", 'bearer'],
  ['get', '/api/incidents/{id}/recommendations', 'Units for what the run card needs', 'bearer'],
  ['get', '/api/incidents/{id}/routes', 'Road routes of the units on their way', 'bearer'],
  ['post', '/api/incidents/{id}/commands', 'Command an incident', 'bearer', IncidentCommandBody],
  ['get', '/api/run-cards', 'Edited run cards', 'bearer'],
  ['put', '/api/run-cards/{type}/{level}', 'Edit a run card (administrators)', 'bearer', RunCardBody],
  ['get', '/api/response-times', 'Response-time percentiles', 'bearer', { query: ResponseTimeQuery }],
  ['get', '/api/commanders', 'Active commanders (names for the incident board)', 'bearer'],
  ['get', '/api/ingest/dispatch/orders', 'Dispatch orders for the simulator', 'ingestKey'],
  ['post', '/api/ingest/units/{id}/status', 'A unit reports its status', 'ingestKey', UnitStatusBody],
  // Evaluation (docs/adr/0014); format=csv is an export
  ['get', '/api/evaluation', 'Evaluation table (JSON or CSV)', 'bearer', { query: EvaluationQuery }],
  ['get', '/api/evaluation/trend', 'Evaluation trend', 'bearer', { query: TrendQuery }],
  ['get', '/api/evaluation/hotspots', 'Hot spots of a period', 'bearer', { query: HotspotQuery }],
  ['get', '/api/evaluation/settings', 'Evaluation settings and history', 'bearer'],
  [
    'put',
    '/api/evaluation/settings',
    'Change the evaluation settings (administrators)',
    'bearer',
    SettingsBody,
  ],
  // Duty and hand-over (docs/adr/0015)
  ['get', '/api/duty', 'This shift: figures, open items, who is on duty', 'bearer'],
  ['get', '/api/handovers', 'Hand-overs, newest first', 'bearer', { query: HandoverListQuery }],
  ['post', '/api/handovers', 'Write a hand-over (duty roles)', 'bearer', HandoverBody],
  ['post', '/api/handovers/{id}/accept', 'Sign a hand-over (duty roles)', 'bearer', HandoverAcceptBody],
  // Site photos: the body is the image bytes
  ['post', '/api/cases/{id}/photos', 'Upload a site photo (JPEG, PNG, WebP; 8 MB)', 'bearer', 'image'],
  ['get', '/api/cases/{id}/photos/{file}', 'A site photo (bearer or signed URL)', 'bearer'],
  // Playback (docs/adr/0017)
  ['get', '/api/playback/range', 'The span the archive can show', 'bearer'],
  ['get', '/api/playback/state', 'The city at a moment', 'bearer', { query: PlaybackAtQuery }],
  [
    'get',
    '/api/playback/events',
    'Archived stream events of a period',
    'bearer',
    { query: PlaybackPeriodQuery },
  ],
  [
    'get',
    '/api/playback/tracks',
    "GPS fixes of a period, optionally of one team's vehicles (team) or chosen vehicles (vehicle)",
    'bearer',
    { query: PlaybackTracksQuery },
  ],
  // Drills (trainers)
  ['get', '/api/drills', 'Drills of this server run', 'bearer'],
  ['post', '/api/drills', 'Start a drill', 'bearer', StartBody],
  ['get', '/api/drills/scenarios', 'Shipped drill scenarios', 'bearer'],
  ['post', '/api/drills/{id}/scenario', 'Pause, resume or speed up a drill', 'bearer', ControlBody],
  ['post', '/api/drills/{id}/stop', 'Stop a drill', 'bearer'],
  ['get', '/api/drills/{id}/review', "A drill's after-action review (复盘)", 'bearer'],
  ['get', '/api/drills/{id}/review.csv', 'The review as CSV (marked 演练)', 'bearer'],
  ['delete', '/api/drills/{id}', "Delete an ended drill's database (409 while it runs)", 'bearer'],
  ['get', '/api/drills/{id}/playback/range', "The span of a drill's own playback archive", 'bearer'],
  [
    'get',
    '/api/drills/{id}/playback/state',
    'The drill city at `at` (回放 of a drill)',
    'bearer',
    { query: PlaybackAtQuery },
  ],
  [
    'get',
    '/api/drills/{id}/playback/events',
    "A drill's archived events of a period",
    'bearer',
    { query: PlaybackPeriodQuery },
  ],
  [
    'get',
    '/api/drills/{id}/playback/tracks',
    "A drill's GPS fixes of a period",
    'bearer',
    { query: PlaybackPeriodQuery },
  ],
  // Root-level: the renderer, static folders (tiles, media) and Open311
  ['get', '/', 'The renderer (any other non-API path serves it too)', 'none'],
  ['get', '/tiles/base/{z}/{x}/{y}.png', 'Base-map tile (static folder /tiles)', 'none'],
  ['get', '/tiles/buildings/tileset.json', '3D Tiles of the buildings (static folder /tiles)', 'none'],
  ['get', '/media/demo/{n}/{file}', 'Demo video streams (HLS; static folder /media)', 'none'],
  ['get', '/open311/v2/services.json', 'Open311 services (also .xml)', 'none'],
  ['get', '/open311/v2/services.xml', 'Open311 services as XML', 'none'],
  ['get', '/open311/v2/requests.json', 'Open311 requests (also .xml)', 'none'],
  ['post', '/open311/v2/requests.json', 'Open311: report a problem (form or JSON; also .xml)', 'none'],
  ['get', '/open311/v2/requests.xml', 'Open311 requests as XML', 'none'],
  ['post', '/open311/v2/requests.xml', 'Open311: report a problem, XML answer', 'none'],
  ['get', '/open311/v2/requests/{id}.json', 'One Open311 request (also .xml)', 'none'],
  ['get', '/open311/v2/requests/{id}.xml', 'One Open311 request as XML', 'none'],
  // Administration of reference data and settings (docs/adr/0020)
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
  ['put', '/api/evaluation/settings', 'New evaluation settings version (administrators)', 'bearer'],
];

const toJson = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const IMAGE = { schema: { type: 'string', format: 'binary' } };

function requestOf(input: Input | undefined) {
  if (!input || (typeof input === 'object' && 'query' in input)) return {};
  if (input === 'image')
    return {
      requestBody: { content: { 'image/jpeg': IMAGE, 'image/png': IMAGE, 'image/webp': IMAGE } },
    };
  return { requestBody: { content: { 'application/json': { schema: toJson(input) } } } };
}

function queryOf(input: Input | undefined) {
  if (!input || typeof input !== 'object' || !('query' in input)) return [];
  const shape = (input.query as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return Object.entries(shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: !field.safeParse(undefined).success,
    schema: toJson(field),
  }));
}

/** OpenAPI path items for the routes above, keyed by path. */
export function extraPaths(errorRef: object): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, summary, security, input] of ROUTES) {
    const params = [
      ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...queryOf(input),
    ];
    (paths[path] ??= {})[method] = {
      summary,
      security: security === 'none' ? [] : [{ [security]: [] }],
      ...(params.length ? { parameters: params } : {}),
      ...requestOf(input),
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
