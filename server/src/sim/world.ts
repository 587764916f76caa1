// The simulated city, one step (10 simulated seconds) at a time: sensor readings (each sensor once a
// simulated minute) with drifting anomalies that cross thresholds and devices that fall silent, camera
// outages, video-AI detections, vehicle and inspector GPS, and reports from every channel along the
// daily curve. Everything is drawn from seeded random sources: the same seed and start time give the
// same sequence of messages (tests replay it). No I/O here; simulator.ts sends the steps over HTTP.
import type { SensorType } from '@contract/alarms';
import type { ReportBody } from '@contract/cases';
import type { DetectionBody } from '@contract/city';
import { FAMILY_BY_TYPE } from '../city/catalogue';
import { cityGeometry } from '../city/geometry';
import { rng } from '../city/random';
import { DispatchDriver, type DispatchOrder, type StatusPost } from './dispatch';
import { Movers, type GpsFix } from './movers';
import { reportGenerator, reportsPerSecond } from './reports';

export interface SimDevices {
  sensors: Array<{ id: string; type: SensorType; intervalS: number }>;
  cameras: Array<{ id: string; owner: string }>;
  vehicles: Array<{ id: string; kind: string; lon: number; lat: number }>;
  inspectors: Array<{ id: string; lon: number; lat: number }>;
}

export interface StepOutput {
  step: number;
  simTime: string;
  readings: Array<{ sensorId: string; value: number }>;
  positions: GpsFix[];
  cameraStatus: Array<{ cameraId: string; status: 'online' | 'offline' | 'fault' }>;
  detections: DetectionBody[];
  reports: ReportBody[];
}

export interface WorldOptions {
  /** chance per reading that an anomaly starts on a normal sensor */
  anomalyRate?: number;
  /** chance per reading that a device falls silent */
  offlineRate?: number;
  /** chance per step that a camera goes offline */
  cameraOutageRate?: number;
}

interface SensorSim {
  id: string;
  type: SensorType;
  slot: number;
  mean: number;
  spread: number;
  peak: number;
  /** anomaly: readings done and total; silent: readings left without a report */
  anomaly: { at: number; length: number; peak: number } | null;
  silent: number;
}

export const STEP_S = 10;

export class SimWorld {
  private step = 0;
  private readonly random: () => number;
  private readonly sensors: SensorSim[];
  private readonly cameraDown = new Map<string, number>();
  private readonly movers: Movers;
  private readonly driver: DispatchDriver;
  private readonly nextReport: () => ReportBody;
  private reportCarry = 0;
  private readonly options: Required<WorldOptions>;

  constructor(
    readonly seed: number,
    private readonly devices: SimDevices,
    private readonly startMs: number,
    options: WorldOptions = {},
  ) {
    this.random = rng(seed ^ 0x51d0);
    this.options = { anomalyRate: 1 / 12_000, offlineRate: 1 / 60_000, cameraOutageRate: 0.03, ...options };
    this.sensors = devices.sensors.map((s, i) => {
      const family = FAMILY_BY_TYPE.get(s.type);
      const [lo, hi] = family?.normal ?? [0, 1];
      return {
        id: s.id,
        type: s.type,
        slot: i % Math.max(1, Math.round(s.intervalS / STEP_S)),
        mean: (lo + hi) / 2,
        spread: (hi - lo) / 2,
        peak: family?.anomalyPeak ?? hi * 2,
        anomaly: null,
        silent: 0,
      };
    });
    this.movers = new Movers(cityGeometry(seed), rng(seed ^ 0x90f5));
    for (const v of devices.vehicles) this.movers.addVehicle(v.id, v.kind, v.lon, v.lat);
    for (const u of devices.inspectors) this.movers.addInspector(u.id, u.lon, u.lat);
    this.nextReport = reportGenerator(seed);
    this.driver = new DispatchDriver(this.movers);
  }

  /** Emergency command: drive committed units (see sim/dispatch.ts); returns status reports to send. */
  dispatch(orders: readonly DispatchOrder[]): StatusPost[] {
    return this.driver.apply(orders);
  }

  next(): StepOutput {
    const step = this.step++;
    const simMs = this.startMs + step * STEP_S * 1000;
    const out: StepOutput = {
      step,
      simTime: new Date(simMs).toISOString(),
      readings: [],
      positions: [],
      cameraStatus: [],
      detections: [],
      reports: [],
    };
    for (const s of this.sensors) {
      if (step % 6 !== s.slot) continue;
      const reading = this.read(s);
      if (reading !== null) out.readings.push({ sensorId: s.id, value: reading });
    }
    this.movers.advance(STEP_S);
    for (const m of this.movers.all) {
      if (m.moving || step % 6 === 0 || this.driver.holding(m)) out.positions.push(this.movers.fix(m));
    }
    this.cameras(out);
    this.reportCarry += reportsPerSecond(new Date(simMs), 1) * STEP_S;
    for (; this.reportCarry >= 1; this.reportCarry--) {
      const report = this.nextReport();
      if (report.source === 'video_ai' && this.devices.cameras.length && report.code) {
        const camera = this.devices.cameras[Math.floor(this.random() * this.devices.cameras.length)] as {
          id: string;
        };
        out.detections.push({
          cameraId: camera.id,
          code: report.code,
          confidence: Math.round((0.5 + this.random() * 0.48) * 100) / 100,
          snapshotUrl: report.photos[0] ?? `/api/sim/snapshot/${this.seed}-${step}.svg`,
        });
      } else out.reports.push(report);
    }
    return out;
  }

  private read(s: SensorSim): number | null {
    if (s.silent > 0) {
      s.silent--;
      return null;
    }
    if (this.random() < this.options.offlineRate) {
      s.silent = 10 + Math.floor(this.random() * 40);
      return null;
    }
    if (!s.anomaly && this.random() < this.options.anomalyRate) {
      s.anomaly = {
        at: 0,
        length: 12 + Math.floor(this.random() * 30),
        peak: s.peak * (0.55 + this.random() * 0.5),
      };
    }
    const noise = (this.random() - 0.5) * 2 * s.spread;
    let value = s.mean + noise;
    if (s.anomaly) {
      const a = s.anomaly;
      const t = a.at / a.length;
      const shape = t < 0.3 ? t / 0.3 : t < 0.7 ? 1 : (1 - t) / 0.3;
      value = s.mean + (a.peak - s.mean) * shape + noise * 0.3;
      if (++a.at > a.length) s.anomaly = null;
    }
    if (s.type === 'street_light') value = value >= 0.5 ? 1 : 0;
    return Math.round(Math.max(0, value) * 1000) / 1000;
  }

  private cameras(out: StepOutput): void {
    for (const [id, left] of this.cameraDown) {
      if (left <= 1) {
        this.cameraDown.delete(id);
        out.cameraStatus.push({ cameraId: id, status: 'online' });
      } else this.cameraDown.set(id, left - 1);
    }
    if (this.devices.cameras.length && this.random() < this.options.cameraOutageRate) {
      const camera = this.devices.cameras[Math.floor(this.random() * this.devices.cameras.length)] as {
        id: string;
      };
      if (!this.cameraDown.has(camera.id)) {
        this.cameraDown.set(camera.id, 30 + Math.floor(this.random() * 90));
        out.cameraStatus.push({ cameraId: camera.id, status: this.random() < 0.8 ? 'offline' : 'fault' });
      }
    }
  }
}
