// Bounded ingest: a node takes on at most `limit` items (readings) at a time from gateways; beyond it the
// request is refused at once (503 with Retry-After, see http/iot-ingest.ts) instead of waiting in memory.
// Work forwarded by another node was counted by the node that took it from the gateway, so it is checked
// against twice the limit only (a sender that gave up waiting no longer counts what it forwarded); the
// sender answers refused readings per item and the gateway sends them again (docs/adr/0018, 2026-12-06).
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

  /** Takes `items` on (`forwarded`: against twice the limit); the release function, or null when full. A
   *  batch larger than the limit is let in when nothing else runs, so one big batch is never refused forever. */
  enter(items: number, forwarded = false): (() => void) | null {
    const n = Math.max(0, items);
    const limit = forwarded ? 2 * this.limit : this.limit;
    if (this.inFlight > 0 && this.inFlight + n > limit) {
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
