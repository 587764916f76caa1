// Runs a drill scenario against the drill node: the scenario clock ticks (pause, speed), and each due step
// is injected over the drill node's ingest API with its key, as the simulator does: reports, sensor
// readings (spread over `everyS`), a vehicle stopping. The drill's own database answers "nearest sensor"
// and "nearest vehicle"; nothing here touches the live server.
import fs from 'node:fs';
import path from 'node:path';
import {
  advanceClock,
  DrillScenario,
  startClock,
  type DrillInjectedStep,
  type DrillStep,
  type ScenarioClock,
} from '@contract/drills';
import type { ServerContext } from '../context';
import { notFound } from '../errors';
import { loadIngestKey } from '../ingest/key';

const SCENARIO_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'scenarios');
const TICK_MS = 250;

let cache: Map<string, DrillScenario> | null = null;

/** The shipped scenarios (server/src/drills/scenarios/*.json), each checked against the contract. */
export function scenarios(): Map<string, DrillScenario> {
  cache ??= new Map(
    fs
      .readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const s = DrillScenario.parse(JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, f), 'utf8')));
        return [s.id, s] as const;
      }),
  );
  return cache;
}

export function scenario(id: string): DrillScenario {
  const s = scenarios().get(id);
  if (!s) throw notFound(`scenario ${id}`);
  return s;
}

export class ScenarioRunner {
  clock: ScenarioClock = startClock();
  readonly injected: DrillInjectedStep[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last = Date.now();
  private chain: Promise<unknown> = Promise.resolve();
  private readonly key: string;

  constructor(
    readonly scenario: DrillScenario,
    private readonly drill: { url: string; ctx: ServerContext },
  ) {
    this.key = loadIngestKey(drill.ctx.config.dataDir);
  }

  start(): void {
    this.last = Date.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  control(action: 'pause' | 'resume' | 'speed', speed?: number): ScenarioClock {
    this.tick();
    if (action === 'pause' && this.clock.status === 'playing')
      this.clock = { ...this.clock, status: 'paused' };
    if (action === 'resume' && this.clock.status === 'paused')
      this.clock = { ...this.clock, status: 'playing' };
    if (action === 'speed' && speed) this.clock = { ...this.clock, speed };
    return this.clock;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.clock = { ...this.clock, status: 'stopped' };
    await this.chain;
  }

  private tick(): void {
    const now = Date.now();
    const { clock, due } = advanceClock(this.scenario, this.clock, (now - this.last) / 1000);
    this.last = now;
    this.clock = clock;
    for (const step of due) this.chain = this.chain.then(() => this.inject(step));
  }

  private async post(url: string, body: unknown): Promise<string> {
    const res = await fetch(`${this.drill.url}/api/ingest/${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ingest-key': this.key },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
    return text;
  }

  private async inject(step: DrillStep): Promise<void> {
    const at = this.drill.ctx.clock.now().getTime();
    const iso = new Date(at).toISOString();
    const near = (p: { lon: number; lat: number }) => ({
      d: (q: { lon: number; lat: number }) => (q.lon - p.lon) ** 2 + (q.lat - p.lat) ** 2,
    });
    try {
      let detail = '';
      if (step.kind === 'report') {
        detail = await this.post('reports', step.report);
      } else if (step.kind === 'readings') {
        const sensors = await this.drill.ctx.db.sensor.findMany({
          where: { type: step.sensorType },
          select: { id: true, lon: true, lat: true },
        });
        const { d } = near(step.near);
        const sensor = sensors.sort((a, b) => d(a) - d(b))[0];
        if (!sensor) throw new Error(`no ${step.sensorType} sensor in the city`);
        // The readings of the step are sent at once, stamped `everyS` apart ending now.
        const readings = step.values.map((value, i) => ({
          sensorId: sensor.id,
          value,
          at: new Date(at - (step.values.length - 1 - i) * step.everyS * 1000).toISOString(),
        }));
        detail = `${sensor.id}: ${await this.post('readings', { readings })}`;
      } else {
        const vehicles = await this.drill.ctx.db.vehicle.findMany({
          select: { id: true, lon: true, lat: true },
        });
        const { d } = near(step.near);
        const vehicle = vehicles.sort((a, b) => d(a) - d(b))[0];
        if (!vehicle) throw new Error('no vehicle in the city');
        const positions = Array.from({ length: step.fixes }, (_, i) => ({
          id: vehicle.id,
          ...step.near,
          speedKmh: 0,
          at: new Date(at - (step.fixes - 1 - i) * 10_000).toISOString(),
        }));
        detail = `${vehicle.id}: ${await this.post('positions', { positions })}`;
      }
      this.injected.push({ atS: step.atS, at: iso, kind: step.kind, ok: true, detail: detail.slice(0, 200) });
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.injected.push({ atS: step.atS, at: iso, kind: step.kind, ok: false, detail });
      this.drill.ctx.log.warn('drill step failed', { step: step.kind, atS: step.atS, detail });
    }
  }
}
