// Bounded ingest: a node takes on at most `limit` items (readings) at a time from gateways; beyond it the
// request is refused at once (503 with Retry-After, see http/iot-ingest.ts) instead of waiting in memory.
// Work forwarded by another node is let in without the check: the node that accepted it from the gateway
// already counted it against its own limit, so every node's work stays bounded by the sum of the limits,
// and refusing it here would only make the sender hold it longer (docs/adr/0018, 2026-12-06).
// A counter, not a queue library: p-limit is only a transitive dev dependency here, and
// rate-limiter-flexible limits rates, not work in progress.

export interface AdmissionStats {
  limit: number;
  /** items being worked on now */
  inFlight: number;
  /** the most in flight at once since start */
  peak: number;
  /** requests refused since start */
  refused: number;
}

export class Admission {
  private inFlight = 0;
  private peak = 0;
  private refused = 0;

  constructor(readonly limit: number) {}

  /** Takes `items` on (always when `counted` is false); the release function, or null when full. A batch
   *  larger than the limit is let in when nothing else runs, so one big batch is never refused forever. */
  enter(items: number, counted = true): (() => void) | null {
    const n = Math.max(0, items);
    if (counted && this.inFlight > 0 && this.inFlight + n > this.limit) {
      this.refused++;
      return null;
    }
    this.inFlight += n;
    this.peak = Math.max(this.peak, this.inFlight);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight -= n;
    };
  }

  stats(): AdmissionStats {
    return { limit: this.limit, inFlight: this.inFlight, peak: this.peak, refused: this.refused };
  }
}
