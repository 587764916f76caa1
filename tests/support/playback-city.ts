// A synthetic day of the city as the archive stores it: case, alarm and incident stream events with valid
// payloads (each case moves through the workflow with rising versions, some close or are voided; each
// incident's two units go there and are released) and the
// downsampled GPS fixes of a fleet. Deterministic from its seed. Used by the playback unit test and bench.
import type { AlarmView } from '@contract/alarms';
import type { CaseSummary } from '@contract/cases';
import type { IncidentView } from '@contract/city';
import type { PlaybackFix } from '@contract/playback';
import type { StreamEvent, UnitLive } from '@contract/stream';

export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATH = [
  'reported',
  'accepted',
  'opened',
  'dispatched',
  'handling',
  'handled',
  'checking',
  'closed',
] as const;

export interface CityDay {
  startMs: number;
  endMs: number;
  events: StreamEvent[];
  fixes: PlaybackFix[];
}

export function cityDay(options: {
  startMs: number;
  hours: number;
  cases: number;
  alarms: number;
  incidents: number;
  vehicles: number;
  fixStepS: number;
  seed?: number;
}): CityDay {
  const random = prng(options.seed ?? 20261206);
  const endMs = options.startMs + options.hours * 3_600_000;
  const span = endMs - options.startMs;
  const raw: Array<Omit<StreamEvent, 'seq' | 'at'> & { atMs: number }> = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < options.cases; i++) {
    let t = options.startMs + Math.floor(random() * span);
    const lon = 119.1 + random() * 0.2;
    const lat = 34.55 + random() * 0.15;
    const voided = random() < 0.1;
    const steps = voided ? 2 : 1 + Math.floor(random() * PATH.length);
    const id = `c${i}`;
    for (let v = 0; v < steps && t < endMs; v++) {
      const state = voided && v === 1 ? 'voided' : (PATH[v] as (typeof PATH)[number]);
      const c: CaseSummary = {
        id,
        caseNumber: `20261123-${String(i).padStart(6, '0')}`,
        state,
        source: 'hotline',
        kind: 'event',
        categoryId: 'event-0103',
        categoryName: '积存垃圾渣土',
        urgency: 'normal',
        lon,
        lat,
        address: `路 ${i} 号`,
        description: '路边有暴露垃圾',
        districtCode: '320508',
        streetCode: null,
        gridCellId: null,
        partId: null,
        departmentId: v >= 3 ? 'sanitation' : null,
        suggestedDepartmentId: 'sanitation',
        routingReason: 'territory',
        duplicateOfId: null,
        mergedIntoId: null,
        outcome: null,
        reworkCount: 0,
        clock: { step: 'accept', state: 'green', deadline: null, usedRatio: 0.1 },
        escalations: [],
        drill: false,
        version: v + 1,
        reportedAt: iso(t),
        updatedAt: iso(t),
        closedAt: state === 'closed' ? iso(t) : null,
      };
      raw.push({
        topic: 'case',
        type: v === 0 ? 'case.created' : 'case.changed',
        entityId: id,
        atMs: t,
        payload: { case: c },
      });
      t += 60_000 + Math.floor(random() * 90 * 60_000);
    }
  }
  for (let i = 0; i < options.alarms; i++) {
    const t0 = options.startMs + Math.floor(random() * span);
    const statuses = ['open', 'acknowledged', random() < 0.5 ? 'false' : 'cleared'] as const;
    statuses.forEach((status, v) => {
      const at = t0 + v * (5 + Math.floor(random() * 60)) * 60_000;
      if (at >= endMs) return;
      const a: AlarmView = {
        id: `a${i}`,
        sensorId: `s${i}`,
        sensorType: 'gas',
        sensorName: `燃气监测 ${i}`,
        kind: 'threshold',
        level: 1 + (i % 4),
        status,
        direction: 'above',
        threshold: 25,
        value: 30,
        peak: 30,
        count: 1,
        unit: '%LEL',
        lon: 119.2,
        lat: 34.6,
        districtCode: '320508',
        gridCellId: null,
        firstSeenAt: iso(t0),
        lastSeenAt: iso(at),
        clearedAt: null,
        acknowledgedAt: null,
        acknowledgedBy: null,
        decidedAt: null,
        decidedBy: null,
        note: '',
        caseId: null,
        incidentId: null,
        drill: false,
        version: v + 1,
      };
      raw.push({
        topic: 'alarm',
        type: status === 'open' ? 'alarm.raised' : `alarm.${status}`,
        entityId: a.id,
        atMs: at,
        payload: { alarm: a },
      });
    });
  }
  for (let i = 0; i < options.incidents; i++) {
    const t0 = options.startMs + Math.floor(random() * span);
    for (const [v, status] of (['active', 'active', 'closed'] as const).entries()) {
      const at = t0 + v * 30 * 60_000;
      if (at >= endMs) break;
      const inc: IncidentView = {
        id: `i${i}`,
        title: `积水内涝 ${i}`,
        categoryId: 'event-0111',
        severity: 2,
        status,
        lon: 119.2,
        lat: 34.6,
        address: '地下通道',
        description: '',
        districtCode: '320508',
        caseIds: [],
        alarmIds: [],
        departmentIds: [],
        createdBy: null,
        startedAt: iso(t0),
        closedAt: status === 'closed' ? iso(at) : null,
        drill: false,
        version: v + 1,
      };
      const type = v === 0 ? 'incident.opened' : status === 'closed' ? 'incident.closed' : 'incident.changed';
      raw.push({ topic: 'incident', type, entityId: inc.id, atMs: at, payload: { incident: inc } });
    }
    // two dispatch units per incident (ADR 0022): dispatched, en route, on scene, released after the close
    for (const u of [0, 1]) {
      const steps = [
        ['dispatched', 2, `i${i}`],
        ['en_route', 5 + u, `i${i}`],
        ['on_scene', 20 + 5 * u, `i${i}`],
        ['returning', 65, null],
      ] as const;
      for (const [version, [status, minutes, incidentId]] of steps.entries()) {
        const at = t0 + minutes * 60_000;
        if (at >= endMs) break;
        const unit: UnitLive = {
          id: `u${i}-${u}`,
          kind: u ? 'repair' : 'emergency',
          label: `${u ? '抢修' : '应急'}${i}组 Unit ${i}-${u}`,
          departmentId: null,
          status,
          statusSince: iso(at),
          incidentId,
          version: version + 1,
          etaAt: status === 'dispatched' || status === 'en_route' ? iso(t0 + 20 * 60_000) : null,
        };
        raw.push({ topic: 'unit', type: 'unit.status', entityId: unit.id, atMs: at, payload: { unit } });
      }
    }
  }
  raw.sort((a, b) => a.atMs - b.atMs);
  const events = raw.map(({ atMs, ...e }, i) => ({ ...e, seq: i + 1, at: iso(atMs) }));
  const fixes: PlaybackFix[] = [];
  for (let t = options.startMs; t < endMs; t += options.fixStepS * 1000) {
    for (let v = 0; v < options.vehicles; v++) {
      const phase = (t / 600_000 + v) % (2 * Math.PI);
      fixes.push({
        vehicleId: `v${v}`,
        at: iso(t),
        lon: 119.15 + 0.05 * Math.cos(phase) + v * 1e-4,
        lat: 34.6 + 0.03 * Math.sin(phase),
        heading: (phase * 180) / Math.PI,
        speedKmh: 30,
      });
    }
  }
  return { startMs: options.startMs, endMs, events, fixes };
}
