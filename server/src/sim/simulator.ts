// The running simulator: steps the simulated city (world.ts) every 10 s / rate and sends each step
// through the public ingest APIs with the ingest key: readings, GPS, camera status, detections and
// reports. A step whose requests are still in flight delays the next one (the sequence never changes).
import type { Logger } from '../log';
import type { DispatchOrder } from './dispatch';
import { SimWorld, STEP_S, type SimDevices, type StepOutput } from './world';

export interface SimulatorOptions {
  baseUrl: string;
  ingestKey: string;
  seed: number;
  rate: number;
  log: Logger;
  /** real milliseconds per simulated step (default 10 s / rate) */
  tickMs?: number;
}

export interface StepStats {
  steps: number;
  readings: number;
  positions: number;
  detections: number;
  reports: number;
  failures: number;
}

/** Sends one simulated step through the ingest APIs; failures are counted and logged, never thrown. */
export function stepSender(baseUrl: string, ingestKey: string, log: Logger) {
  const headers = { 'content-type': 'application/json', 'x-ingest-key': ingestKey };
  const stats: StepStats = { steps: 0, readings: 0, positions: 0, detections: 0, reports: 0, failures: 0 };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}/api/ingest/${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return res.status;
  };
  const send = async (out: StepOutput) => {
    const jobs: Array<Promise<unknown>> = [];
    for (let i = 0; i < out.readings.length; i += 2000)
      jobs.push(post('readings', { readings: out.readings.slice(i, i + 2000) }));
    if (out.positions.length) jobs.push(post('positions', { positions: out.positions }));
    if (out.cameraStatus.length) jobs.push(post('cameras/status', { items: out.cameraStatus }));
    if (out.detections.length) jobs.push(post('detections', { detections: out.detections }));
    for (let i = 0; i < out.reports.length; i += 500)
      jobs.push(post('reports', { reports: out.reports.slice(i, i + 500) }));
    const results = await Promise.allSettled(jobs);
    for (const r of results) {
      if (r.status === 'rejected') {
        stats.failures++;
        log.warn('simulator request failed', { err: r.reason });
      }
    }
    stats.steps++;
    stats.readings += out.readings.length;
    stats.positions += out.positions.length;
    stats.detections += out.detections.length;
    stats.reports += out.reports.length;
  };
  return { send, stats };
}

/** Emergency command: reads the server's orders, drives committed units, reports en route / available. */
async function dispatchStep(options: SimulatorOptions, world: SimWorld): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-ingest-key': options.ingestKey };
  try {
    const res = await fetch(`${options.baseUrl}/api/ingest/dispatch/orders`, { headers });
    if (!res.ok) return;
    const { orders } = (await res.json()) as { orders: DispatchOrder[] };
    for (const post of world.dispatch(orders)) {
      await fetch(`${options.baseUrl}/api/ingest/units/${encodeURIComponent(post.unitId)}/status`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ status: post.status }),
      }).then((r) => r.text());
    }
  } catch (err) {
    options.log.warn('simulator dispatch step failed', { err });
  }
}

/** The device registry the simulator feeds (GET /api/ingest/devices). */
export async function fetchDevices(baseUrl: string, ingestKey: string): Promise<SimDevices> {
  const res = await fetch(`${baseUrl}/api/ingest/devices`, { headers: { 'x-ingest-key': ingestKey } });
  if (!res.ok) throw new Error(`simulator: cannot read the device registry (HTTP ${res.status})`);
  return (await res.json()) as SimDevices;
}

export interface RunningSimulator {
  stop(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const devices = await fetchDevices(options.baseUrl, options.ingestKey);
  const world = new SimWorld(options.seed, devices, Date.now());
  const { send, stats } = stepSender(options.baseUrl, options.ingestKey, options.log);

  let busy = false;
  const timer = setInterval(
    () => {
      if (busy) return;
      busy = true;
      dispatchStep(options, world)
        .then(() => send(world.next()))
        .catch((err: unknown) => options.log.warn('simulator step failed', { err }))
        .finally(() => {
          busy = false;
        });
    },
    options.tickMs ?? (STEP_S * 1000) / options.rate,
  );
  timer.unref();
  const report = setInterval(() => options.log.info('simulator', { ...stats }), 60_000);
  report.unref();
  options.log.info('simulator started', {
    sensors: devices.sensors.length,
    cameras: devices.cameras.length,
    vehicles: devices.vehicles.length,
    inspectors: devices.inspectors.length,
    rate: options.rate,
  });
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(report);
    },
  };
}
