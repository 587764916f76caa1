// The running simulator: sends reports along the daily curve through the public ingest API.
import type { Logger } from '../log';
import type { RunningSimulator } from './index';
import { reportGenerator, reportsPerSecond } from './reports';

export interface SimulatorOptions {
  baseUrl: string;
  ingestKey: string;
  seed: number;
  rate: number;
  log: Logger;
  tickMs?: number;
}

export function startSimulator(options: SimulatorOptions): RunningSimulator {
  const next = reportGenerator(options.seed);
  const tickMs = options.tickMs ?? 1000;
  let carry = 0;
  let sent = 0;
  let failures = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    carry += (reportsPerSecond(new Date(), options.rate) * tickMs) / 1000;
    const count = Math.floor(carry);
    if (count === 0) return;
    carry -= count;
    const reports = Array.from({ length: Math.min(count, 500) }, () => next());
    busy = true;
    fetch(`${options.baseUrl}/api/ingest/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ingest-key': options.ingestKey },
      body: JSON.stringify({ reports }),
    })
      .then(async (res) => {
        const body = (await res.json()) as { accepted?: number };
        sent += body.accepted ?? 0;
        if (res.status >= 300) failures++;
      })
      .catch((error: unknown) => {
        failures++;
        options.log.warn('simulator could not reach the server', { err: error });
      })
      .finally(() => {
        busy = false;
      });
  }, tickMs);
  timer.unref();
  const stats = setInterval(() => options.log.info('simulator', { sent, failures }), 60_000);
  stats.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(stats);
    },
  };
}
